"""Texto plegado: las coincidencias se devuelven en posiciones exactas del texto original."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from datos.extraccion.plegado import TextoPlegado, automata, coincidencias, llave, palabras, plegar

LLAVES = ["OIM", "Migraciones", "Gobierno Regional de Tumbes", "área", "Ñandú"]


def test_plegar_conserva_la_longitud_y_quita_tildes():
    for texto in ["Árbol «x» — ñandú\u00a0İ ½ €", "ÁÉÍÓÚÜÑ áéíóúüñ", "texto\tcon\nlíneas"]:
        assert len(plegar(texto)) == len(texto)
    assert plegar("Gestión Migratoria Ñ") == "gestion migratoria n"


def test_coincide_solo_con_palabras_completas_y_a_traves_de_puntuacion():
    a = automata({llave(k): k for k in LLAVES})
    texto = "La OIM, el GORE-Tumbes... (Gobierno  Regional de\nTumbes) y la MOIMA."
    hallados = [(texto[i:f], v) for i, f, v in coincidencias(a, TextoPlegado.desde(texto))]
    assert hallados == [("OIM", "OIM"), ("Gobierno  Regional de\nTumbes", "Gobierno Regional de Tumbes")]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LLAVES + [" ", "  ", ", ", "\n", "(", ")", "“", "x", "é", "-"]), max_size=30))
def test_las_posiciones_devueltas_cubren_exactamente_la_mencion(trozos):
    texto = "".join(trozos)
    a = automata({llave(k): k for k in LLAVES})
    for inicio, fin, valor in coincidencias(a, TextoPlegado.desde(texto)):
        assert palabras(texto[inicio:fin]) == palabras(valor)
