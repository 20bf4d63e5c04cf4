"""Los atajos de velocidad de la extracción dan lo mismo que la definición simple que reemplazan.

Cada atajo (normalizar sin NFKD, oraciones en dos pasos, autómatas en vez de alternancias
de regex, regex que empiezan por una clase de caracteres) se compara con su forma lenta
y evidente sobre texto generado: si un cambio rompe la equivalencia, el resultado de la
extracción cambiaría para alguna nota y esta prueba lo muestra con el texto que falla.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from datos.extraccion import catalogos, fechas, lugares, oraciones, tipo_evento
from datos.extraccion.anclas import coincidencias_desde
from datos.extraccion.catalogos import normalizar

_COMBINANTES = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _normalizar_referencia(texto: str) -> str:
    return re.sub(r"\s+", " ", _COMBINANTES.sub("", unicodedata.normalize("NFKD", texto.lower()))).strip()


def _palabras(*extra: str) -> st.SearchStrategy[str]:
    """Texto hecho de palabras del dominio, signos y letras raras (İ ı ſ K, combinantes, NBSP)."""
    trozos = st.sampled_from(
        [
            "Sr.", "a. m.", "EE.UU.", "Hola", "¿Qué?", "«Dijo»", "A.", ".", "…", "“Cita”", "Ñandú", "9", "_", "x",
            "á", "é", "ñ", "ü", "Á", "\u0301", "\u05b0", "\u00a0", "\t", "\u2028", "İ", "ı", "ſ", "K", "ﬁ", "½",
            "del", "el", "los días", "16", "de", "agosto", "hoy", "ayer", "esta mañana", "en la fecha",
            "Cancillería", "Puno", "Oficina Desconcentrada", "Consulado General", "Cónsul", "nuestro", "Embajada",
            "del Perú", "en", "Chile", "ciudad peruana", "territorio nacional", "capacit", "taller", "cine",
            "mesa de trabajo", "reunión", "fin… Sigue", "¡Ya! Otra", "¿Sí? «Bien»", "Dr. Pérez", "p. m. Luego", *extra,
        ]
    )
    separadores = st.sampled_from(["", " ", " ", "  ", "\n", "\n\n", ", ", "-", " \n "])
    return st.lists(st.tuples(trozos, separadores), max_size=14).map(lambda xs: "".join(a + b for a, b in xs))


_TEXTO = st.one_of(st.text(max_size=40), _palabras())


@settings(max_examples=250, deadline=None)
@given(_TEXTO)
def test_normalizar_es_nfkd_sin_combinantes_y_espacios_colapsados(texto: str) -> None:
    assert normalizar(texto) == _normalizar_referencia(texto)


def test_normalizar_con_tabla_de_bytes_cada_caracter_latin1() -> None:
    # La tabla hace minúsculas, tildes y blancos de una vez: cada carácter Latin-1, solo y entre letras.
    for c in map(chr, range(256)):
        for texto in (c, f"a{c}b", f"Á{c}{c}é", f" {c} "):
            assert normalizar(texto) == _normalizar_referencia(texto), repr(texto)


_CORTE_REFERENCIA = re.compile(r"(?<=[.!?…])\s+(?=[«“\"¿¡(]?[A-ZÁÉÍÓÚÑ0-9])|\n+")


def _dividir_referencia(texto: str) -> list[str]:
    salida: list[str] = []
    pendiente = ""
    for trozo in _CORTE_REFERENCIA.split(texto):
        trozo = " ".join(trozo.split())
        if not trozo:
            continue
        pendiente = f"{pendiente} {trozo}".strip() if pendiente else trozo
        if oraciones._ABREVIATURAS.search(pendiente):
            continue
        salida.append(pendiente)
        pendiente = ""
    if pendiente:
        salida.append(pendiente)
    return salida


@settings(max_examples=250, deadline=None)
@given(_TEXTO)
def test_dividir_da_las_mismas_oraciones_que_la_regex_de_corte(texto: str) -> None:
    assert oraciones.dividir(texto) == _dividir_referencia(texto)


def _regex_por_tipo() -> list[re.Pattern[str]]:
    """La forma anterior: una alternancia r"\b(?:…)\b" por tipo de evento."""
    patrones = []
    for fila in catalogos.leer_csv("tipos_evento"):
        palabras = [normalizar(p) for p in catalogos.dividir_lista(fila.get("palabras_clave"))]
        palabras = [p for p in palabras if p.strip("*")]
        if fila.get("tipo_evento") and palabras:
            partes = [re.escape(p[:-1].strip()) + r"\w*" if p.endswith("*") else re.escape(p) for p in palabras]
            patrones.append(re.compile(r"\b(?:" + "|".join(partes) + r")\b"))
    return patrones


@settings(max_examples=200, deadline=None)
@given(_palabras("dona", "donación", "premia-", "_cine", "visita", "seminario-taller", "firmaron"))
def test_tipos_por_automata_igual_que_una_regex_por_tipo(texto: str) -> None:
    plano = normalizar(texto)
    esperado = {orden for orden, patron in enumerate(_regex_por_tipo()) if patron.search(plano)}
    assert tipo_evento._tipos_en(plano, tipo_evento._tipos(str(catalogos.carpeta()))) == esperado


@settings(max_examples=200, deadline=None)
@given(_palabras("Lima", "Arequipa", "Buenos Aires", "San Pablo", "Nueva York", "Brasil", "Perú", "Peru"))
def test_nombres_por_automata_igual_que_la_alternancia_de_regex(texto: str) -> None:
    indice = lugares._catalogo()
    for nombres in (indice.patron_paises, indice.patron_departamentos, indice.patron_misiones):
        formas = sorted(nombres._automata.keys(), key=len, reverse=True)
        patron = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in formas) + r")(?![\w])")
        assert [(m.start(), m.end(), m.group(0)) for m in patron.finditer(texto)] == [
            tuple(n) for n in nombres.finditer(texto)
        ]


@settings(max_examples=200, deadline=None)
@given(_palabras("Nuestra", "Vicecónsul", "Sección Consular", "Misión Permanente", "comisión", "lado peruano",
                 "ODE", "Ode del", "oficina desconcentrada de", "Cancilleria", "CANCILLERÍA de", "Tacna"))
def test_misiones_y_cues_solo_donde_empieza_una_raiz(texto: str) -> None:
    # misiones y oficinas desconcentradas: un solo autómata da los inicios de las dos regex (_cues_peru: ver
    # test_lugares.test_cues_peru_igual_que_la_regex_en_todo_el_texto)
    inicios = lugares._inicios_oficina(texto)
    for patron, grupo in ((lugares._MISION, 0), (lugares._catalogo().patron_ode, 1)):
        esperado = [(m.span(), m.groupdict()) for m in patron.finditer(texto)]
        rapido = patron.finditer(texto) if inicios is None else coincidencias_desde(patron, texto, inicios[grupo])
        assert [(m.span(), m.groupdict()) for m in rapido] == esperado


_FECHAS_REFERENCIA = [
    re.compile(rf"\b{fechas._DIA}\s+de\s+{fechas._MES}{fechas._ANIO}\b", re.IGNORECASE),
    re.compile(
        rf"\b(?:del|entre\s+el|los\s+d[ií]as|el|los)\s+(?P<dia>\d{{1,2}})(?:\s*[º°])?"
        rf"\s*(?:al|y\s+el|y|-|–|—|,)\s*\d{{1,2}}(?:\s*[º°])?\s+de\s+{fechas._MES}{fechas._ANIO}\b",
        re.IGNORECASE,
    ),
    re.compile(r"\bel\s+d[ií]a\s+de\s+hoy\b", re.IGNORECASE),
    re.compile(r"\ben\s+la\s+fecha\b", re.IGNORECASE),
    re.compile(r"(?<=ó )a\s+la\s+fecha\b|(?<=ron )a\s+la\s+fecha\b", re.IGNORECASE),
    re.compile(r"(?<!hasta\s)\bhoy\b(?!\s+(?:en\s+)?d[ií]a\b)", re.IGNORECASE),
    re.compile(r"\besta\s+(?:mañana|tarde|noche)\b", re.IGNORECASE),
    re.compile(r"\b(?:el\s+d[ií]a\s+de\s+)?ayer\b", re.IGNORECASE),
]


@settings(max_examples=200, deadline=None)
@given(_palabras("Del", "ENTRE EL", "los dias", "1.º", "1°", "al", "y el", "–", "SETIEMBRE", "de 2023",
                 "presentó a la fecha", "hasta hoy", "hoy día", "el día de ayer"))
def test_patrones_de_fecha_igual_que_con_b_inicial(texto: str) -> None:
    rapidos = [fechas.FECHA_ES, fechas._RANGO, *(p for _, p, _ in fechas._RELATIVAS)]
    for referencia, rapido in zip(_FECHAS_REFERENCIA, rapidos, strict=True):
        assert [(m.span(), m.groupdict()) for m in rapido.finditer(texto)] == [
            (m.span(), m.groupdict()) for m in referencia.finditer(texto)
        ]


def test_filtro_de_colas_deja_pasar_toda_abreviatura() -> None:
    # Toda oración que termina en una cola de abreviatura pasa el filtro de dos caracteres antes del punto.
    for cola in oraciones._COLAS_ABREVIATURA:
        for oracion in (cola, f"Texto {cola}", f"x{cola}"):
            assert oraciones.dividir(f"{oracion}\nSigue") == _dividir_referencia(f"{oracion}\nSigue")
            assert oracion[-3:-1] in oraciones._ANTES_DEL_PUNTO or oracion[-2:-1] in oraciones._INICIALES
