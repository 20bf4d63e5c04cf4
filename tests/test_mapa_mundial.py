"""El mapa del mundo de Regiones: geometría incluida (sin internet), países coloreados por sus eventos y el
número cliqueable de cada país con eventos (lo que usa el filtro por clic)."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from paginas import _geo, _pestanas
from paginas._graficos import ESCALA

RAIZ = Path(__file__).resolve().parent.parent
GEOJSON = RAIZ / "datos" / "geo" / "paises_110m.geojson"
CATALOGO = {f["iso3"]: f for f in csv.DictReader((RAIZ / "datos" / "catalogos" / "paises.csv").open(encoding="utf-8"))}
_spec = importlib.util.spec_from_file_location("convertir", RAIZ / "datos" / "geo" / "convertir_world_atlas.py")
convertir = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(convertir)
TERRITORIOS = {iso3 for iso3, _ in convertir.TERRITORIOS.values()}


def _rasgos() -> list[dict]:
    return json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]


def test_el_geojson_trae_los_paises_del_catalogo() -> None:
    rasgos = _rasgos()
    iso3 = [r["properties"]["iso3"] for r in rasgos]
    assert len(iso3) == len(set(iso3)), "un país repetido se dibujaría dos veces"
    fuera = set(iso3) - set(CATALOGO)
    assert fuera <= TERRITORIOS, f"países del mapa sin fila en paises.csv: {fuera - TERRITORIOS}"
    assert len(set(iso3) & set(CATALOGO)) >= 165
    for rasgo in rasgos:
        assert rasgo["properties"]["nombre"], rasgo["properties"]
        if rasgo["properties"]["iso3"] in CATALOGO:
            assert rasgo["properties"]["nombre"] == CATALOGO[rasgo["properties"]["iso3"]]["pais"]
    for pais in ("PER", "USA", "BRA", "PRT", "CHL", "RUS", "CAN", "CHN", "AUS", "ZAF", "XKX"):
        assert pais in iso3


def test_iso_num_del_catalogo() -> None:
    conocidos = {"PER": "604", "USA": "840", "BRA": "076", "PRT": "620", "CHL": "152", "COL": "170",
                 "ARG": "032", "BOL": "068", "ECU": "218", "VEN": "862", "ESP": "724", "FRA": "250",
                 "DEU": "276", "JPN": "392", "CHN": "156", "AUS": "036", "CAN": "124", "MEX": "484"}
    assert {k: CATALOGO[k]["iso_num"] for k in conocidos} == conocidos
    codigos = [f["iso_num"] for f in CATALOGO.values() if f["iso_num"]]
    assert all(re.fullmatch(r"\d{3}", c) for c in codigos)
    assert len(codigos) == len(set(codigos))
    assert [f["pais"] for f in CATALOGO.values() if not f["iso_num"]] == ["Kosovo"]  # no tiene código ISO


def test_ningun_poligono_cruza_el_mapa_de_lado_a_lado() -> None:
    """Rusia y Fiyi cruzan ±180°: sin cortarlos, una franja atraviesa el mundo y borra países (Canadá)."""
    for rasgo in _rasgos():
        for poligono in rasgo["geometry"]["coordinates"]:
            for anillo in poligono:
                lon = np.asarray(anillo)[:, 0]
                assert np.abs(np.diff(lon)).max() <= 180, rasgo["properties"]["nombre"]
                assert anillo[0] == anillo[-1]


def test_cortar_antimeridiano_conserva_el_area() -> None:
    anillo = [[170.0, 0.0], [-170.0, 0.0], [-170.0, 10.0], [170.0, 10.0], [170.0, 0.0]]
    partes = convertir.cortar_antimeridiano(anillo)
    assert len(partes) == 2
    assert all(-180 <= p[0] <= 180 for parte in partes for p in parte)

    def area(a: list[list[float]]) -> float:
        return abs(sum(p[0] * q[1] - q[0] * p[1] for p, q in zip(a, a[1:], strict=False))) / 2

    assert sum(area(p) for p in partes) == pytest.approx(200.0)


def _trazos_coloreados(fig: dict) -> list[dict]:
    return [t for t in fig["data"] if t.get("fill") == "toself"
            and t.get("fillcolor") not in (_geo.GRIS_PAIS, _geo.MAR, _geo.REFERENCIA)]


def _rellenos_coloreados(fig: dict) -> dict[str, int]:
    """País → eventos de los países coloreados; cada uno figura en el texto al pasar el mouse por su clase."""
    salida = {}
    for trazo in _trazos_coloreados(fig):
        for pais, eventos in trazo["meta"]:
            assert f"{pais} ({eventos:,})" in trazo["text"] or "más" in trazo["text"], (pais, trazo["text"])
            salida[pais] = eventos
    return salida


def _clicables(fig: dict) -> set[str]:
    return {d[0] for t in fig["data"] for d in (t.get("customdata") or [])}


def test_la_pagina_colorea_exactamente_los_paises_con_eventos(bd_corpus: Path, monkeypatch) -> None:
    con = duckdb.connect(str(bd_corpus), read_only=True)
    try:
        esperado = dict(con.execute("SELECT pais, count(*) FROM eventos WHERE pais IS NOT NULL AND pais <> 'Perú' "
                                    "GROUP BY pais").fetchall())
    finally:
        con.close()
    assert esperado, "el corpus incluido debería tener eventos en el exterior"
    monkeypatch.setenv("ARTICULA_DB", str(bd_corpus))
    at = AppTest.from_file(str(RAIZ / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("paginas/regiones.py")
    at.session_state[_pestanas.REGIONES.clave] = "Exterior"  # la pestaña del mapa del mundo
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    figuras = [json.loads(e.proto.spec) for e in at.get("plotly_chart")]
    mundo = [f for f in figuras if any(t.get("fillcolor") == _geo.REFERENCIA for t in f["data"])]
    assert len(mundo) == 1, "falta el mapa del mundo (con el Perú de referencia)"
    assert _rellenos_coloreados(mundo[0]) == esperado
    assert _clicables(mundo[0]) == set(esperado)
    assert "geo" not in mundo[0]["layout"], "un gráfico geo de plotly descargaría el mapa de internet"
    assert not any(t.get("type") in ("choropleth", "scattergeo", "choroplethmap") for t in mundo[0]["data"])


def test_pais_sin_poligono_o_sin_catalogo() -> None:
    """Singapur es muy chico para el mapa 1:110 M: igual lleva su número; un país desconocido se lista aparte."""
    por_pais = pd.DataFrame({"pais": ["Singapur", "Chile", "Atlántida"], "iso3": ["SGP", "CHL", None],
                             "eventos": [3, 1, 2]})
    fig, faltantes = _geo.mapa_mundo(por_pais, ESCALA)
    datos = json.loads(fig.to_json())
    assert _rellenos_coloreados(datos) == {"Chile": 1}
    assert _clicables(datos) == {"Singapur", "Chile"}
    assert list(faltantes["pais"]) == ["Atlántida"]


def test_muchos_paises_en_pocas_clases_de_color() -> None:
    """Un trazo por clase y no por país (72 trazos rellenos tardaban en dibujarse); más eventos, color igual o
    más oscuro, y la barra de colores en los mismos escalones."""
    paises = [f for f in CATALOGO.values() if f["iso3"] != "PER"][:72]
    por_pais = pd.DataFrame({"pais": [f["pais"] for f in paises], "iso3": [f["iso3"] for f in paises],
                             "eventos": range(1, len(paises) + 1)})
    datos = json.loads(_geo.mapa_mundo(por_pais, ESCALA)[0].to_json())
    trazos = _trazos_coloreados(datos)
    assert len(trazos) == _geo.CLASES_MUNDO
    color = {pais: t["fillcolor"] for t in trazos for pais, _ in t["meta"]}
    orden = [color[p] for p in por_pais["pais"] if p in color]
    claros_a_oscuros = [_geo._color_clase(ESCALA, k) for k in range(1, _geo.CLASES_MUNDO + 1)]
    assert [claros_a_oscuros.index(c) for c in orden] == sorted(claros_a_oscuros.index(c) for c in orden)
    assert color[por_pais["pais"].iloc[-1]] == claros_a_oscuros[-1]
    barra = next(t for t in datos["data"] if (t.get("marker") or {}).get("showscale"))
    assert {c for _, c in barra["marker"]["colorscale"]} == set(claros_a_oscuros)
