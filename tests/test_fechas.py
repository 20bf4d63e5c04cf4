"""Fechas en español y fecha del evento según las reglas de ANOTACION.md."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
