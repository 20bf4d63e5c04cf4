"""Los atajos de velocidad del issue 4 dan lo mismo que la forma simple que reemplazan.

Como en test_extraccion_atajos.py: cada atajo (plegar con tabla de bytes, TextoPlegado con
split + sumas acumuladas, oracion_de por línea, fechas probadas solo donde abre una cifra,
siglas solo en cada paréntesis, tipos de evento con un autómata para todas las oraciones,
líneas de cabecera descartadas por su primer carácter, un autómata para las dos regex de
espacios) se compara con su forma evidente sobre texto generado.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from datos.extraccion import (
    anclas,
    catalogos,
    encabezado,
    espacios,
    fechas,
    oraciones,
    organizaciones,
    plegado,
    tipo_evento,
)
from datos.extraccion.catalogos import normalizar


def _texto(*extra: str) -> st.SearchStrategy[str]:
    """Texto hecho de trozos del dominio, signos raros (Latin-1, cp1252 y fuera de ambos) y blancos."""
    trozos = st.sampled_from(
        [
            "Hola", "á", "É", "ñ", "Ü", "ç", "ÿ", "ā", "ő", "ł", "ø", "ß", "º", "µ", "²", "´", "\u00a0", "\u2009",
            "“", "”", "«", "»", "„", "‘", "’", "–", "—", "…", "•", "€", "‐", "\u0301", "İ", "ı", "ſ", "K", "ǆ",
            "٣", "３", "\t", "\r", "\u2028", "\x0b", ".", ",", ";", "(", ")", "_", "x", "9", "Sr.", "a. m.",
            "del", "el", "los días", "entre el", "16", "3", "al", "de", "agosto", "Mayo", "de 2023", "1.º",
            *extra,
        ]
    )
    separadores = st.sampled_from(["", " ", "  ", "   ", "\n", "\n\n", ". ", ", ", " \n "])
    return st.lists(st.tuples(trozos, separadores), max_size=16).map(lambda xs: "".join(a + b for a, b in xs))


_TEXTO = st.one_of(st.text(max_size=40), _texto())


def _plegar_referencia(texto: str) -> str:
    """La forma anterior: reemplazos uno a uno y NFKD + ASCII (o la tabla completa si algo no es seguro)."""
    r = texto.lower()
    for de, a in plegado._REEMPLAZOS:
        r = r.replace(de, a)
    if not r.isascii():
        if plegado._NO_SEGURO.search(r):
            return texto.translate(plegado._TABLA)
        r = unicodedata.normalize("NFKD", r).encode("ascii", "ignore").decode("ascii")
    return r.replace("\n", " ").replace("\t", " ").replace("\r", " ")


@settings(max_examples=300, deadline=None)
@given(_TEXTO)
def test_plegar_con_tabla_de_bytes_igual_que_nfkd(texto: str) -> None:
    assert plegado.plegar(texto) == _plegar_referencia(texto)


def _construir_referencia(texto: str) -> tuple:
    pleno = plegado.plegar(texto)
    base = " " + pleno.translate(plegado._SEPARADORES) + " "
    cortes, desplazamientos, quitados = [0], [-1], 0
    for m in re.finditer("  +", base):
        quitados += m.end() - m.start() - 1
        cortes.append(m.end() - quitados)
        desplazamientos.append(quitados - 1)
    return pleno, re.sub("  +", " ", base), tuple(cortes), tuple(desplazamientos)


@settings(max_examples=300, deadline=None)
@given(_TEXTO)
def test_texto_plegado_igual_que_con_regex_de_espacios(texto: str) -> None:
    tp = plegado.TextoPlegado._construir(texto)
    assert (tp.pleno, tp.busqueda, tp._cortes, tp._desplazamientos) == _construir_referencia(texto)


def _oracion_de_referencia(texto: str, inicio: int, fin: int) -> str:
    izquierda = max(texto.rfind(". ", 0, inicio), texto.rfind("\n", 0, inicio))
    izquierda = 0 if izquierda < 0 else izquierda + 1
    derecha = [p for p in (texto.find(". ", fin), texto.find("\n", fin)) if p >= 0]
    return " ".join(texto[izquierda : min(derecha) + 1 if derecha else len(texto)].split())


@settings(max_examples=300, deadline=None)
@given(_TEXTO, st.integers(-2, 80), st.integers(-2, 80))
def test_oracion_de_igual_que_buscando_en_todo_el_texto(texto: str, inicio: int, fin: int) -> None:
    assert oraciones.oracion_de(texto, inicio, fin) == _oracion_de_referencia(texto, inicio, fin)


@settings(max_examples=300, deadline=None)
@given(_texto("pasado", "próximo", "hoy", "ayer", "Del", "ENTRE EL", "loſ", "y el", "–", "SETIEMBRE", "creada el",
              "del 16 al 20 de agosto", "Entre el\n3 y el 5 de Mayo", "los días 18 y 19 de setiembre de 2023",
              "el 3 de agosto", "DEL 1.º AL 2 DE MAYO", "el  ٣ al 4 de mayo"))
def test_fechas_probadas_solo_donde_abre_una_cifra(texto: str) -> None:
    for patron, grupo in ((fechas._RANGO, 0), (fechas.FECHA_ES, 1)):
        rapido = fechas._coincidencias(patron, texto, fechas._inicios(texto)[grupo])
        assert [(m.span(), m.groupdict()) for m in rapido] == [
            (m.span(), m.groupdict()) for m in patron.finditer(texto)
        ]


@settings(max_examples=300, deadline=None)
@given(_texto("(OIM)", " (GORE Amazonas)", "((", "(Ab)", "(A)", "&", "-"))
def test_siglas_solo_en_cada_parentesis(texto: str) -> None:
    assert [(m.span(), m.group("sigla")) for m in organizaciones._siglas_en(texto)] == [
        (m.span(), m.group("sigla")) for m in organizaciones._SIGLA.finditer(texto)
    ]


@settings(max_examples=200, deadline=None)
@given(st.lists(_texto("mesa de trabajo", "seminario-taller", "seminario taller", "capacitación", "taller",
                       "reunión", "presentan", "_cine", "dona", "feria"), max_size=6))
def test_tipos_con_un_automata_para_todas_las_oraciones(textos: list[str]) -> None:
    tipos = tipo_evento._tipos(str(catalogos.carpeta()))
    planos = [normalizar(t) for t in textos]
    assert tipo_evento._tipos_en_fuentes(planos, tipos) == [tipo_evento._tipos_en(p, tipos) for p in planos]


@settings(max_examples=300, deadline=None)
@given(_texto("Nota", "nota informativa", "NOTA DE PRENSA", "Comunicado", "Fotoleyenda 644-19", "ſábado",
              "MIÉRCOLES", "lunes", "1275 – 23", "21 de diciembre de 2023 - 10:21 a. m."))
def test_lineas_de_cabecera_igual_que_la_regex(linea: str) -> None:
    for rapida, patron in ((encabezado.linea_fecha, encabezado.LINEA_FECHA),
                           (encabezado.linea_numerada, encabezado.LINEA_NUMERADA),
                           (encabezado.linea_etiqueta, encabezado.LINEA_ETIQUETA)):
        a, b = rapida(linea), patron.match(linea)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


@settings(max_examples=200, deadline=None)
@given(_texto("Mesa", "mesa de", "Foro “Migración”", "foro", "Conversatorio", "Comisión Multisectorial",
              "Grupo de Trabajo", "Diálogo", "encuentro"))
def test_espacios_con_un_solo_automata(texto: str) -> None:
    comillas, nombrado = anclas.inicios_por_grupo(espacios._INICIOS, texto, 2)
    for patron, inicios in ((espacios._ENTRE_COMILLAS, comillas), (espacios._NOMBRADO, nombrado)):
        assert [(m.span(), m.groupdict()) for m in anclas.coincidencias_desde(patron, texto, inicios)] == [
            (m.span(), m.groupdict()) for m in patron.finditer(texto)
        ]


@settings(max_examples=200, deadline=None)
@given(_TEXTO)
def test_normalizar_con_tabla_latin1_igual_que_nfkd(texto: str) -> None:
    referencia = " ".join(
        re.sub("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]", "",
               unicodedata.normalize("NFKD", texto.lower())).split()
    )
    assert normalizar(texto) == referencia


def test_fecha_evento_con_cifras_fuera_de_latin1() -> None:
    # "٣" es \d para `re` y no es Latin-1: en bytes sigue siendo una cifra, y la fecha se halla igual
    texto = "El pasado ٣ de mayo se reunieron. También el 4 de mayo."
    assert fechas._inicios(texto)[1] == [m.start() for m in re.finditer(r"\d+", texto)]
    assert [c.inicio for c in fechas._candidatas(texto, date(2023, 9, 1))] == [
        m.start() for m in fechas.FECHA_ES.finditer(texto)
    ]


@settings(max_examples=400, deadline=None)
@given(_texto("Consulado", "Consulado General", "Cónsul", "Cónsul Honorario", "Embajada", "Embajadora",
              " del Perú en ", "del Perú en", "Perú", "Braga", "São Paulo", "La Paz", "x del Perú en Lima"))
def test_misiones_solo_delante_de_del_peru_en(texto: str) -> None:
    esperadas = [(m.span(), m.groups()) for m in organizaciones._MISION.finditer(texto)]
    assert [(m.span(), m.groups()) for m in list(organizaciones._misiones_en(texto))] == esperadas


class _Todo:
    def __contains__(self, _: object) -> bool:
        return True


def _nombres_largos() -> list[str]:
    return organizaciones._indice().nombres_ordenados[:40]


@settings(max_examples=300, deadline=None)
@given(
    _texto("Organización", "Mundial", "de la", "Salud", "articula]", "en la ciudad"),
    st.sampled_from(_nombres_largos()),
    st.integers(min_value=1, max_value=60),
)
def test_cortada_salta_el_bucle_sin_cambiar_el_resultado(texto: str, nombre: str, corte: int) -> None:
    """El atajo de la penúltima palabra da lo mismo que probar cada comienzo de la cola."""
    indice = organizaciones._indice()
    nota = f"{texto} {nombre[:corte]}"
    tp = plegado.TextoPlegado.desde(nota)
    con_atajo = organizaciones._Resultado(nota, indice)
    hallada = organizaciones._cortada(indice, tp, con_atajo)
    guardadas = indice.palabras_largos
    indice.palabras_largos = _Todo()
    try:
        sin_atajo = organizaciones._Resultado(nota, indice)
        assert organizaciones._cortada(indice, tp, sin_atajo) == hallada
    finally:
        indice.palabras_largos = guardadas
    assert [(h["nombre"], h["mencion"]) for h in sin_atajo.filas()] == [
        (h["nombre"], h["mencion"]) for h in con_atajo.filas()
    ]


@settings(max_examples=400, deadline=None)
@given(_texto("2023", "0", "07", "123456", " 9", "x1", "1.º"))
def test_cifras_con_find_igual_que_la_regex(texto: str) -> None:
    assert fechas._inicios(texto)[1] == [m.start() for m in re.finditer(r"\d+", texto)]


@settings(max_examples=400, deadline=None)
@given(_texto("Fin. Otra", "!", "? ¿Qué", "… Luego", "1.5", "Sr. Pérez", ". (Ver", ".  A"))
def test_fines_de_oracion_en_cada_punto_igual_que_la_regex(texto: str) -> None:
    for linea in texto.split("\n"):
        assert [m.span() for m in oraciones._fines(linea)] == [m.span() for m in oraciones._FIN_ORACION.finditer(linea)]


@settings(max_examples=300, deadline=None)
@given(_texto("Municipalidad Provincial de Cusco", "alcalde de Puno", "Universidad de Lima", "Cámara de Comercio",
              "Dirección Regional de Salud", "prefecto regional", "Consulado General de Chile en Arica", "DIRESA",
              "Hospital Regional", "Fundación Ayuda", "IE", "Museo Nacional", "Cámara Municipal de Braga"))
def test_grupo_de_patrones_por_lastgroup_igual_que_probar_cada_uno(texto: str) -> None:
    for m in organizaciones._PATRONES.finditer(texto):
        primero = next((g for g in organizaciones._GRUPOS_PATRONES if m.group(g)), "")
        assert organizaciones._grupo(m) == primero


@settings(max_examples=300, deadline=None)
@given(_TEXTO, st.lists(st.tuples(st.integers(-2, 80), st.integers(-2, 80)), max_size=6))
def test_oracion_armada_una_vez_igual_que_oracion_de(texto: str, tramos: list[tuple[int, int]]) -> None:
    """La evidencia de organizaciones, memorizada por oración en cada nota, es la de `oracion_de`."""
    res = organizaciones._Resultado(texto, organizaciones._indice())
    for inicio, fin in tramos + tramos:
        assert res.oracion(inicio, fin) == oraciones.oracion_de(texto, inicio, fin)
