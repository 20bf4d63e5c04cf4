"""Fechas en español y fecha del evento según las reglas de ANOTACION.md."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from datos.extraccion import fechas
from datos.extraccion.anclas import coincidencias_desde
from datos.extraccion.fechas import fecha_evento, inferir_anio, parsear_fecha


@pytest.mark.parametrize(
    ("texto", "esperada"),
    [
        ("21 de diciembre de 2023 - 10:21 a. m.", date(2023, 12, 21)),
        ("9 de setiembre de 2019 - 9:10 p. m.", date(2019, 9, 9)),
        ("9 de septiembre de 2019", date(2019, 9, 9)),
        ("10 de diciembre de 2025 - 1:36 p. m.", date(2025, 12, 10)),
        ("1 de octubre de 2024", date(2024, 10, 1)),
        ("1.º de mayo de 2024", date(2024, 5, 1)),
        ("1° de mayo del 2024", date(2024, 5, 1)),
        ("17 DE JULIO DE 2023", date(2023, 7, 17)),
        ("2023-07-17", date(2023, 7, 17)),
        ("17/07/2023", date(2023, 7, 17)),
        ("29 de febrero de 2024", date(2024, 2, 29)),
    ],
)
def test_parsear_fecha_en_espanol(texto: str, esperada: date) -> None:
    assert parsear_fecha(texto) == esperada


@pytest.mark.parametrize(
    "texto", ["31 de febrero de 2024", "29 de febrero de 2023", "32 de enero de 2024", "3 de diciembre", "", "hola"]
)
def test_fechas_imposibles_o_incompletas_son_none(texto: str) -> None:
    assert parsear_fecha(texto) is None


def test_inferir_anio_cruza_el_anio_nuevo() -> None:
    assert inferir_anio(12, 30, date(2024, 1, 5)) == date(2023, 12, 30)
    assert inferir_anio(1, 3, date(2024, 1, 5)) == date(2024, 1, 3)


def _evento(cuerpo: str, publicacion: str | None) -> str | None:
    hallazgo = fecha_evento(cuerpo, publicacion)
    return hallazgo.valor if hallazgo else None


@pytest.mark.parametrize(
    ("cuerpo", "publicacion", "esperada"),
    [
        ("El pasado 3 de diciembre, en la sede de la Cancillería Tumbes, se realizó la reunión.", "2025-12-10",
         "2025-12-03"),
        ("La reunión se realizó el pasado 30 de diciembre en Tumbes.", "2024-01-05", "2023-12-30"),
        ("El Viceministro encabezó el día de hoy una reunión de seguimiento.", "2023-07-17", "2023-07-17"),
        ("En la fecha, el Viceministro recibió en audiencia a la representante.", "2021-07-20", "2021-07-20"),
        ("El ministro participó hoy en la reunión de Alto Nivel.", "2021-12-14", "2021-12-14"),
        ("La Cancillería presentó a la fecha el libro en la Municipalidad.", "2024-03-20", "2024-03-20"),
        ("El Cónsul General visitó, el 3 de setiembre, la ciudad de Islandia.", "2019-09-09", "2019-09-03"),
        ("Festival que tuvo lugar en esa ciudad, del 16 al 20 de agosto pasados.", "2018-08-23", "2018-08-16"),
        ("Ceremonia desarrollada el 25 de septiembre en la sede del Gobierno.", "2024-10-01", "2024-09-25"),
        ("La reunión se realizó el 3 de diciembre de 2023 en Lima.", "2023-12-21", "2023-12-03"),
        ("El Embajador sostuvo reuniones, el 1.º de junio, en Braga.", "2024-06-12", "2024-06-01"),
        ("El taller se realizó ayer en Piura.", "2024-05-10", "2024-05-09"),
    ],
)
def test_fecha_evento(cuerpo: str, publicacion: str, esperada: str) -> None:
    assert _evento(cuerpo, publicacion) == esperada


@pytest.mark.parametrize(
    ("cuerpo", "publicacion"),
    [
        ("El alcalde visitará el Perú liderando una misión empresarial el próximo 16 de julio.", "2018-06-13"),
        ("La Mesa fue creada en 2018 y se reunirá durante el 2024.", "2024-01-24"),
        ("La Mesa de Trabajo se inauguró el 11 de agosto y se reunirá periódicamente.", None),
        ("En el Día Internacional del Libro, el Ministerio reafirma su compromiso.", "2024-04-23"),
        ("La reunión será el 30 de febrero.", "2024-03-01"),
        ("La conferencia se realizó el 5 de enero de 2030.", "2024-01-24"),
        ("Hoy en día la migración es un fenómeno complejo.", None),
    ],
)
def test_fecha_evento_nula(cuerpo: str, publicacion: str | None) -> None:
    assert _evento(cuerpo, publicacion) is None


def test_fecha_evento_ignora_el_plan_futuro_y_toma_la_actividad() -> None:
    cuerpo = (
        "Durante la reunión del pasado 4 de marzo, se acordó que el próximo 16 de julio se realizará "
        "una feria en Tacna."
    )
    hallazgo = fecha_evento(cuerpo, "2024-03-10")
    assert hallazgo is not None
    assert hallazgo.valor == "2024-03-04"
    assert "4 de marzo" in hallazgo.evidencia


def test_fecha_evento_da_la_oracion_como_evidencia() -> None:
    cuerpo = "La Cancillería Tumbes participó en la reunión. La reunión se realizó el pasado 23 de enero en Tumbes."
    hallazgo = fecha_evento(cuerpo, "2024-01-24")
    assert hallazgo is not None
    assert hallazgo.evidencia == "La reunión se realizó el pasado 23 de enero en Tumbes."


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
    | st.builds(
        lambda d, m, a, t: f"{t} el {d} de {m} de {a}",
        st.integers(-5, 40),
        st.sampled_from(["enero", "febrero", "setiembre", "septiembre", "diciembre", "foo"]),
        st.integers(0, 99999),
        st.text(max_size=30),
    ),
    st.one_of(st.none(), st.dates().map(date.isoformat), st.text(max_size=12)),
)
def test_fechas_nunca_fallan_y_son_validas(texto: str, publicacion: str | None) -> None:
    hallazgo = fecha_evento(texto, publicacion)
    if hallazgo is not None:
        date.fromisoformat(hallazgo.valor)
    fecha = parsear_fecha(texto)
    assert fecha is None or isinstance(fecha, date)


_BLANCOS = st.sampled_from([" ", "  ", "\n", "\u00a0", "\u2028", " \t"])
_FRASES_RELATIVAS = st.sampled_from(
    ["el día de hoy", "EL DIA DE HOY", "el día de ayer", "en la fecha", "presentó a la fecha", "firmaron a la fecha",
     "hasta hoy", "hoy en día", "esta mañana", "ESTA noche", "eſta tarde", "Ayer"]
)
_TEXTO_RELATIVO = st.lists(
    st.tuples(
        st.one_of(
            st.sampled_from(
                ["el", "El", "día", "de", "hoy", "HOY", "ayer", "en", "la", "fecha", "a", "esta", "mañana", "K",
                 "İ", "٣", "—", "x", "_", "estado", "fechas", "hoyo", "3"]
            ),
            st.tuples(_FRASES_RELATIVAS, _BLANCOS).map(lambda f: f[0].replace(" ", f[1])),
        ),
        st.sampled_from(["", " ", "  ", "\n", "\u00a0", ", ", ".", "¿"]),
    ),
    max_size=10,
).map(lambda xs: "".join(a + b for a, b in xs))


@settings(max_examples=400, deadline=None)
@given(_TEXTO_RELATIVO)
def test_relativas_solo_donde_empieza_la_raiz_igual_que_en_todo_el_texto(texto: str) -> None:
    if "\u017f" in texto:  # con «ſ», _candidatas recorre el texto entero
        return
    bajo = fechas._en_bytes(texto).lower()
    for (_, patron, _), (raiz, previas) in zip(fechas._RELATIVAS, fechas._ANCLAS_RELATIVAS, strict=True):
        rapido = coincidencias_desde(patron, texto, fechas._inicios_relativa(texto, bajo, raiz, previas))
        assert [(m.span(), m.group(0)) for m in rapido] == [(m.span(), m.group(0)) for m in patron.finditer(texto)]


@settings(max_examples=300, deadline=None)
@given(_TEXTO_RELATIVO)
def test_candidatas_relativas_como_recorrer_el_texto_con_cada_regex(texto: str) -> None:
    # Sin meses en el vocabulario, todas las candidatas son relativas (con «ſ» también: ahí no hay atajo).
    publicacion = date(2024, 5, 3)
    esperadas = sorted(
        (
            (m.start(), m.end(), publicacion + timedelta(days=dias))
            for palabra, patron, dias in fechas._RELATIVAS
            if palabra.decode() in texto.lower()
            for m in patron.finditer(texto)
        ),
        key=lambda c: c[0],
    )
    assert [(c.inicio, c.fin, c.fecha) for c in fechas._candidatas(texto, publicacion)] == esperadas


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["٣", "—", "?", "¿", "“", "12", "x", "é", "😀", "\ud800", "Ⅻ", "²", " "]), max_size=12))
def test_bytes_de_fechas_marcan_las_mismas_cifras_que_el_manejador(trozos: list[str]) -> None:
    texto = "".join(trozos)
    crudo = fechas._en_bytes(texto)
    assert len(crudo) == len(texto)
    assert crudo.translate(fechas._DIGITOS) == texto.encode("latin-1", fechas._EN_BYTES).translate(fechas._DIGITOS)
