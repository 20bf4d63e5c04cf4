"""El extractor frente a las anotaciones del corpus, y el puntuador mismo en casos pequeños."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from datos.extraccion import extractor, lectura
from datos.extraccion.modelos import NotaCruda
from tests.conftest import NOTAS
from tests.puntuacion import coincide, misma_oficina, puntuar, puntuar_nota

ANOTACIONES = Path(__file__).resolve().parent / "anotaciones.jsonl"


def _anotaciones() -> list[dict]:
    with ANOTACIONES.open(encoding="utf-8") as f:
        return [json.loads(linea) for linea in f if linea.strip()]


@lru_cache(maxsize=1)
def _pares() -> tuple[tuple[dict, dict], ...]:
    """(extraída, anotada) para cada nota anotada del corpus, leída como la lee la construcción."""
    pares = []
    for anotada in _anotaciones():
        ruta = NOTAS / anotada["archivo"]
        notas = [r for r in lectura.leer([ruta]) if isinstance(r, NotaCruda)]
        assert notas, f"no se pudo leer {ruta}"
        pares.append((extractor.extraer(notas[0]), anotada))
    return tuple(pares)


def test_cada_nota_del_corpus_tiene_anotacion():
    anotadas = {a["archivo"] for a in _anotaciones()}
    en_disco = {p.name for p in NOTAS.glob("*.txt")}
    assert en_disco <= anotadas, f"notas sin anotar: {sorted(en_disco - anotadas)}"


def test_organizaciones_del_corpus_cobertura_y_precision():
    puntaje = puntuar(list(_pares()))
    mensaje = f"cobertura={puntaje.cobertura:.3f} precisión={puntaje.precision:.3f}\n{puntaje.detalle_organizaciones()}"
    assert puntaje.cobertura >= 0.95, mensaje
    assert puntaje.precision >= 0.90, mensaje


def test_fechas_oficina_pais_y_region_del_corpus():
    puntaje = puntuar(list(_pares()))
    detalle = puntaje.detalle_campos()
    assert not detalle, "campos distintos de la anotación:\n" + detalle


def test_ninguna_organizacion_extraida_es_la_propia_cancilleria():
    for extraida, anotada in _pares():
        for org in extraida["organizaciones"]:
            nombre = org["nombre"].lower()
            assert "relaciones exteriores del perú" not in nombre and "cancillería" not in nombre, (anotada["archivo"],
                                                                                                    org)


# --- el puntuador ---------------------------------------------------------------------------

OIM = {"nombre": "Organización Internacional para las Migraciones", "sigla": "OIM",
       "alias": ["Organización Internacional para las Migraciones", "OIM"], "requerida": True}
CEM = {"nombre": "Centro de Emergencia Mujer", "sigla": "CEM", "alias": ["Centro de Emergencia Mujer", "CEM"],
       "requerida": False}


def test_coincide_por_nombre_o_sigla_sin_tildes_ni_mayusculas():
    assert coincide({"nombre": "organizacion  internacional para las MIGRACIONES", "sigla": None}, OIM)
    assert coincide({"nombre": "Otra cosa", "sigla": "oim"}, OIM)
    assert not coincide({"nombre": "Organización Internacional del Trabajo", "sigla": "OIT"}, OIM)
    assert not coincide({"nombre": "", "sigla": ""}, {"alias": [""]})


def test_cobertura_solo_cuenta_requeridas_y_precision_cuenta_todas_las_anotadas():
    anotada = {"archivo": "x", "organizaciones": [OIM, CEM]}
    # Hallar solo la no requerida: cobertura 0, precisión 1.
    p = puntuar_nota({"organizaciones": [{"nombre": "CEM", "sigla": None}]}, anotada)
    assert (p.requeridas, p.requeridas_halladas, p.extraidas, p.extraidas_correctas) == (1, 0, 1, 1)
    assert p.faltantes == [OIM["nombre"]]
    # Una inventada baja la precisión y aparece en sobrantes.
    p = puntuar_nota({"organizaciones": [{"nombre": "OIM"}, {"nombre": "Banco Inventado"}]}, anotada)
    assert (p.requeridas_halladas, p.extraidas_correctas, p.extraidas) == (1, 1, 2)
    assert p.sobrantes == ["Banco Inventado"]


def test_micro_promedio_sobre_el_corpus():
    a1 = {"archivo": "a", "organizaciones": [OIM]}
    a2 = {"archivo": "b", "organizaciones": [OIM, {**CEM, "requerida": True}]}
    puntaje = puntuar([({"organizaciones": [{"nombre": "OIM"}]}, a1), ({"organizaciones": [{"nombre": "OIM"}]}, a2)])
    assert puntaje.cobertura == 2 / 3
    assert puntaje.precision == 1.0
    assert "faltan ['Centro de Emergencia Mujer']" in puntaje.detalle_organizaciones()


def test_campos_exactos_y_oficina_por_lugar():
    anotada = {"archivo": "x", "fecha_publicacion": "2023-12-21", "fecha_evento": None, "region": "Madre de Dios",
               "pais": "Perú", "oficina": "Consulado General del Perú en Houston", "organizaciones": []}
    bien = {"fecha_publicacion": "2023-12-21", "fecha_evento": None, "region": "madre de dios", "pais": "Peru",
            "oficina": "Consulado del Perú en Houston", "organizaciones": []}
    assert puntuar_nota(bien, anotada).campos_errados == {}
    mal = {**bien, "fecha_evento": "2023-12-03", "oficina": "Consulado General del Perú en Boston"}
    assert set(puntuar_nota(mal, anotada).campos_errados) == {"fecha_evento", "oficina"}


def test_misma_oficina():
    assert misma_oficina("Sede central", "Ministerio de Relaciones Exteriores")
    assert misma_oficina("Cancillería Tumbes", "Oficina Desconcentrada de Tumbes")
    assert not misma_oficina("Cancillería Tumbes", "Cancillería Piura")
    assert not misma_oficina("Cancillería Tumbes", "Consulado General del Perú en Tumbes")
    assert not misma_oficina(None, "Sede central")
    assert misma_oficina(None, None)
