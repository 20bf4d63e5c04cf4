"""Atajos de velocidad de limpieza, encabezado y lugares: dan lo mismo que la forma simple que reemplazan.

Como en test_extraccion_equivalencia.py, cada atajo se compara con su forma evidente sobre texto generado.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from datos.extraccion import anclas, encabezado, fechas, lugares


def _texto(*extra: str) -> st.SearchStrategy[str]:
    """Trozos del dominio, signos raros y blancos (saltos de línea de toda clase incluidos)."""
    trozos = st.sampled_from(
        [
            "Hola", "á", "É", "ñ", "ſ", "K", "İ", "٣", "３", "\u00a0", "\u2009", "—", "“", ".", ",", ":", "|", "-",
            "–", "de", "del", "lunes", "ſábado", "MIÉRCOLES", "diciembre", "ſetiembre", "Mayo", "2023", "20231",
            "21", "3", "1.º", "10:21", "a. m.", "horas", "Nota Informativa", "Fotoleyenda 644-19", "1275 – 23",
            "Comunicado", *extra,
        ]
    )
    separadores = st.sampled_from(["", " ", "  ", "\n", "\n\n", " \n ", "\r\n", "\x0b", "\u2028", "\x1c"])
    return st.lists(st.tuples(trozos, separadores), max_size=24).map(lambda xs: "".join(a + b for a, b in xs))


def _lineas_simple(texto: str) -> list[str]:
    lineas = [linea.strip() for linea in texto.splitlines()]
    return [linea for linea in lineas if linea][: encabezado.LINEAS_CABECERA]


@settings(max_examples=300, deadline=None)
@given(_texto())
def test_lineas_de_cabecera_perezosas_igual_que_splitlines(texto: str) -> None:
    assert list(encabezado._lineas_cabecera(texto)) == _lineas_simple(texto)


@settings(max_examples=400, deadline=None)
@given(_texto("21 de diciembre de 2023 - 10:21 a. m.", "lunes, 3 de mayo, 2021", "3 de mayo 2021",
              "3 de mayo de 20219:21", "31 de febrero de 2023", "1ro. de ſetiembre del 2020 10.21 hrs"))
def test_fecha_de_linea_igual_que_parsear_fecha(texto: str) -> None:
    for linea in _lineas_simple(texto):
        m = encabezado.LINEA_FECHA.match(linea)
        if m:
            assert encabezado._fecha_de_linea(linea, m) == fechas.parsear_fecha(linea)


def test_fecha_de_linea_casos_limite() -> None:
    for linea in ("21 de diciembre de 2023 - 10:21 a. m.", "3 de mayo 2021", "3 de mayo de 20219:21",
                  "31 de febrero de 2023", "ſábado 1ro. de ſetiembre del 2020", "lunes, 3 de mayo, 2021 10.21 h"):
        m = encabezado.LINEA_FECHA.match(linea)
        assert m, linea
        assert encabezado._fecha_de_linea(linea, m) == fechas.parsear_fecha(linea)


@settings(max_examples=400, deadline=None)
@given(_texto("hoy", "HOY", "Fecha", "eſta ", "ESTA ", "AYER", "İ", "K", "٣", "“", "ŀ"))
def test_bytes_de_fechas_un_byte_por_caracter_y_palabras_como_lower(texto: str) -> None:
    crudo = fechas._en_bytes(texto)
    assert len(crudo) == len(texto)
    for palabra, _, _ in fechas._RELATIVAS:
        assert (palabra in crudo.lower()) == (palabra.decode() in texto.lower())


@settings(max_examples=300, deadline=None)
@given(_texto("Consulado General", "consulado", "CÓNSUL", "Embajada del Perú en", "Cancillería Puno", "ODE",
              "Oficina Desconcentrada de Tacna", "nuestra Misión Permanente", "K", "Ÿ", "Å", "ő", "_"))
def test_inicios_de_oficinas_en_minusculas_dan_las_mismas_coincidencias(texto: str) -> None:
    inicios = lugares._inicios_oficina(texto)
    if inicios is None:
        return
    indice = lugares._catalogo()
    for patron, desde in ((lugares._MISION, inicios[0]), (indice.patron_ode, inicios[1])):
        assert [(m.span(), m.groupdict()) for m in anclas.coincidencias_desde(patron, texto, desde)] == [
            (m.span(), m.groupdict()) for m in patron.finditer(texto)
        ]


@settings(max_examples=300, deadline=None)
@given(_texto())
def test_primer_parrafo_igual_que_partir_todo(texto: str) -> None:
    assert lugares._primer_parrafo(texto) == next((p for p in texto.split("\n") if p.strip()), "")
