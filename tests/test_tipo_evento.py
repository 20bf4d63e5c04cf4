"""Tipo de evento: el título pesa más que el cuerpo."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from datos.extraccion import catalogos, oraciones, tipo_evento
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


_TROZOS = st.sampled_from(
    [
        "Sr.", "A.", "No.", "EE.UU.", "a. m.", "p. m. Luego", "Dr. Pérez", ".", "…", "¿Foro?", "¡Ya!", "«Dijo»",
        "“taller”", "—", "Ñandú", "Reunión", "reunión", "bilateral", "mesa", "de trabajo", "MESA DE TRABAJO",
        "seminario-taller", "seminario", "capacitación", "visitó", "firmaron", "convenio", "ª", "½", "\u2009", "\u00a0",
    ]
)
_SEPARADORES = st.sampled_from(["", " ", " ", "  ", "\n", "\n\n", ", ", ". ", " \n", "\t", "-"])
_TEXTOS = st.lists(st.tuples(_TROZOS, _SEPARADORES), max_size=16).map(lambda xs: "".join(a + b for a, b in xs))


@settings(max_examples=300, deadline=None)
@given(_TEXTOS)
def test_oracion_en_da_las_oraciones_de_dividir(texto: str) -> None:
    tramos: list[tuple[int, int]] = []
    for i, c in enumerate(texto):
        if not c.isspace() and (tramo := oraciones.oracion_en(texto, i)) not in tramos:
            tramos.append(tramo)
    assert [oraciones.colapsar(texto[a:b].strip()) for a, b in tramos] == oraciones.dividir(texto)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["", "Cancillería realiza taller", "Mesa de trabajo\ncon Chile", "  "]), _TEXTOS)
def test_por_posicion_igual_que_por_oracion(titulo: str, cuerpo: str) -> None:
    """Con el texto entero (si puede) o partido en oraciones y normalizado: mismas fuentes, pesos y tipos."""
    tipos = tipo_evento._tipos(str(catalogos.carpeta()))

    def fuentes(por_posicion: bool) -> list[tuple[int, str, set[int]]] | None:
        if por_posicion:
            plegado = tipo_evento.plegar(titulo, cuerpo)
            if plegado is None:
                return None
            halladas = tipo_evento._por_posicion(plegado, tipos, tipo_evento.coincidencias(plegado, tipos))
        else:
            halladas = tipo_evento._por_oracion(titulo, cuerpo, tipos)
        return [
            (peso, oraciones.colapsar((cuerpo[e[0] : e[1]] if isinstance(e, tuple) else e).strip()), ordenes)
            for peso, e, ordenes in halladas
            if ordenes
        ]

    por_posicion = fuentes(True)
    if por_posicion is not None:
        assert por_posicion == fuentes(False)
