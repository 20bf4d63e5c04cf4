"""Temas: multi-etiqueta, con evidencia mínima y la oración que los sustenta."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from datos.extraccion import catalogos, temas


def etiquetas(titulo: str, cuerpo: str) -> list[str]:
    return [h.valor for h in temas.clasificar(titulo, cuerpo)]


def test_varios_temas_en_una_nota():
    cuerpo = (
        "La mesa abordó el proceso de regularización migratoria de la población refugiada y migrante. "
        "También se presentaron guías sobre integración socioeconómica y la inserción laboral de los migrantes."
    )
    hallados = etiquetas("Reunión sobre refugiados y migrantes", cuerpo)
    assert {"migración y refugio", "regularización", "integración socioeconómica"} <= set(hallados)


def test_una_palabra_suelta_no_basta():
    assert "salud" not in etiquetas("Reunión de coordinación", "Se habló de la salud de la economía local.")


def test_los_nombres_de_instituciones_no_hacen_el_tema():
    cuerpo = "Participaron las direcciones regionales de Salud, Trabajo, Educación y Turismo."
    assert etiquetas("Reunión de coordinación", cuerpo) == []


def test_evidencia_es_la_oracion_de_la_pista_mas_fuerte():
    cuerpo = (
        "El cónsul saludó a los asistentes. Se realizó un consulado itinerante para atender a los connacionales "
        "que residen en la zona."
    )
    hallazgos = {h.valor: h.evidencia for h in temas.clasificar("Actividad consular", cuerpo)}
    assert hallazgos["asuntos consulares y documentación"].startswith("Se realizó un consulado itinerante")


def test_nota_cultural_y_comercial():
    assert etiquetas("Presentan libro de cuentos", "Se presentó el libro “Cuentos de la Amazonía” en la biblioteca "
                     "regional, como parte del programa de lectura.")[0] == "cultura y educación"
    assert "comercio e inversión" in etiquetas(
        "Promoción de la oferta exportable", "Se destacó la oferta exportable y las oportunidades de inversión.")


def test_todo_tema_devuelto_esta_en_la_taxonomia():
    validos = {f["tema"] for f in catalogos.leer_csv("temas")}
    assert len(validos) >= 10
    cuerpo = ("Trata de personas, refugiados, connacionales, cooperación internacional, frontera, "
              "exportaciones, cultura y lectura, vacunación y pandemia.")
    hallados = etiquetas("", cuerpo)
    assert hallados and set(hallados) <= validos


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_cualquier_texto_devuelve_una_lista(titulo, cuerpo):
    assert isinstance(temas.clasificar(titulo, cuerpo), list)


def test_pistas_de_la_pasada_de_organizaciones_dan_los_mismos_temas():
    """El extractor pasa a temas las pistas que halló la pasada de organizaciones: mismo resultado que
    recorrer el texto otra vez, y las pistas de otro texto no se usan."""
    from datos.extraccion import organizaciones

    titulo = "Reunión sobre refugiados y migrantes"
    cuerpo = (
        "La Oficina Desconcentrada de Tumbes y la OIM abordaron el proceso de regularización migratoria "
        "de la población refugiada y migrante, y la inserción laboral de los migrantes."
    )
    _, pistas = organizaciones.buscar_con_temas(cuerpo, titulo)
    assert pistas is not None and pistas.halladas
    assert temas.clasificar(titulo, cuerpo, pistas) == temas.clasificar(titulo, cuerpo)
    _, ajenas = organizaciones.buscar_con_temas("Se habló de salud y de educación con la OIM.", "Otra nota")
    assert temas.clasificar(titulo, cuerpo, ajenas) == temas.clasificar(titulo, cuerpo)
    # Las del mismo texto se usan tal cual (no se recorre el texto otra vez): sin pistas, sin temas.
    assert temas.clasificar(titulo, cuerpo, pistas._replace(halladas=[])) == []
