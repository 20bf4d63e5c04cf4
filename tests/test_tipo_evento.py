"""Tipo de evento: el título pesa más que el cuerpo."""

from __future__ import annotations

import pytest

from datos.extraccion.tipo_evento import clasificar


@pytest.mark.parametrize(
    ("titulo", "cuerpo", "tipo"),
    [
        ("Cancillería Trujillo destaca el trabajo interinstitucional", "Participó del conversatorio sobre movilidad.",
         "conversatorio"),
        ("Cancillería Tumbes participa en reactivación de la Mesa Multisectorial", "La reunión se realizó ayer.",
         "mesa de trabajo"),
        ("Representante de la FAO efectúa saludo protocolar al Viceministro", "Se reunieron en Torre Tagle.",
         "audiencia"),
        ("Cancillería Arequipa enriquece acervo cultural con donación de libros", "En una ceremonia se donó.",
         "donación"),
        ("Cancillería Puerto Maldonado presenta libro", "La presentación contó con autoridades.", "presentación"),
        ("Consulado realiza consulado itinerante en Arica", "Se atendió a 300 connacionales.", "campaña"),
        ("Cancillería Piura capacita a funcionarios", "El taller abordó la trata de personas.", "capacitación"),
        ("Embajador realiza visita de trabajo en Braga", "Sostuvo reuniones con el alcalde.", "visita"),
    ],
)
def test_clasificar(titulo: str, cuerpo: str, tipo: str) -> None:
    hallazgo = clasificar(titulo, cuerpo)
    assert hallazgo is not None and hallazgo.valor == tipo


def test_el_titulo_pesa_mas_que_el_cuerpo() -> None:
    cuerpo = "Durante la reunión se habló del taller. En la reunión se presentó un plan. La reunión terminó."
    assert clasificar("Cancillería realiza taller para docentes", cuerpo).valor == "capacitación"


def test_evidencia_y_sin_pistas() -> None:
    hallazgo = clasificar("Cancillería informa", "El Cónsul se reunió con el alcalde de Houston.")
    assert hallazgo is not None
    assert hallazgo.valor == "reunión"
    assert hallazgo.evidencia == "El Cónsul se reunió con el alcalde de Houston."
    assert clasificar("Comunicado", "Texto sin pistas.") is None
