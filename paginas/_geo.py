"""Geometría incluida en el proyecto, dibujada sin internet.

plotly.js descarga un topojson mundial de su CDN para cualquier gráfico `geo` (también con GeoJSON propio), y
los mapas de mosaicos piden mosaicos: ninguno funciona sin conexión. Por eso los departamentos se dibujan como
polígonos rellenos (`go.Scatter`, fill="toself") en coordenadas lon/lat, y el mundo como un mapa esquemático de
círculos en la posición de cada país (no hay límites mundiales incluidos en el proyecto).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

RAIZ = Path(__file__).resolve().parent.parent
GEOJSON = RAIZ / "datos" / "geo" / "peru_departamental_simple.geojson"
PAISES = RAIZ / "datos" / "catalogos" / "paises.csv"
GRIS_SIN_DATOS = "#EEF0F2"
CONTINENTES = {
    "AMÉRICA DEL NORTE": (-105, 55), "AMÉRICA DEL SUR": (-60, -35), "EUROPA": (15, 60), "ÁFRICA": (20, 0),
    "ASIA": (95, 50), "OCEANÍA": (140, -30),
}


def _anillos(geometria: dict) -> list[list[list[float]]]:
    if geometria["type"] == "Polygon":
        return [geometria["coordinates"][0]]
    return [poligono[0] for poligono in geometria["coordinates"]]


def _centroide(anillo: list[list[float]]) -> tuple[float, float]:
    """Centroide de área de un anillo (fórmula del polígono); cae dentro para formas compactas."""
    xy = np.asarray(anillo, dtype=float)
    x, y = xy[:, 0], xy[:, 1]
    cruz = x * np.roll(y, -1) - np.roll(x, -1) * y
    area = cruz.sum() / 2
    if abs(area) < 1e-12:
        return float(x.mean()), float(y.mean())
    cx = ((x + np.roll(x, -1)) * cruz).sum() / (6 * area)
    cy = ((y + np.roll(y, -1)) * cruz).sum() / (6 * area)
    return float(cx), float(cy)


@lru_cache(maxsize=1)
def departamentos() -> dict[str, dict]:
    """NOMBDEP → {'x': lon con None entre anillos, 'y': lat, 'centro': (lon, lat)} (del mayor anillo)."""
    datos = json.loads(GEOJSON.read_text(encoding="utf-8"))
    salida: dict[str, dict] = {}
    for rasgo in datos["features"]:
        anillos = _anillos(rasgo["geometry"])
        xs: list[float | None] = []
        ys: list[float | None] = []
        for anillo in anillos:
            xs.extend(p[0] for p in anillo)
            ys.extend(p[1] for p in anillo)
            xs.append(None)
            ys.append(None)
        mayor = max(anillos, key=len)
        salida[rasgo["properties"]["NOMBDEP"]] = {"x": xs, "y": ys, "centro": _centroide(mayor)}
    return salida


@lru_cache(maxsize=1)
def coordenadas_paises() -> pd.DataFrame:
    """pais, iso3, lat, lon del catálogo (vacío si el catálogo aún no está)."""
    if not PAISES.exists():
        return pd.DataFrame(columns=["pais", "iso3", "lat", "lon"])
    tabla = pd.read_csv(PAISES, dtype={"pais": str, "iso3": str})
    return tabla[["pais", "iso3", "lat", "lon"]].dropna(subset=["lat", "lon"])


def _ejes_mapa(fig: go.Figure, x_rango: list[float] | None = None, y_rango: list[float] | None = None,
               rejilla: bool = False) -> None:
    fig.update_xaxes(visible=rejilla, showgrid=rejilla, zeroline=False, range=x_rango, showticklabels=False,
                     title=None, dtick=30, gridcolor="#E5E7EB", fixedrange=False)
    fig.update_yaxes(visible=rejilla, showgrid=rejilla, zeroline=False, range=y_rango, showticklabels=False,
                     title=None, dtick=30, gridcolor="#E5E7EB", scaleanchor="x", scaleratio=1)


def mapa_peru(por_region: pd.DataFrame, escala: list, alto: int = 620) -> go.Figure:
    """Coropleta de departamentos. `por_region`: nombre_geo, region, eventos (y opcionalmente más columnas)."""
    geo = departamentos()
    valores = {str(f.nombre_geo): (str(f.region), int(f.eventos)) for f in por_region.itertuples(index=False)
               if isinstance(f.nombre_geo, str)}
    maximo = max([v for _, v in valores.values()] + [1])
    fig = go.Figure()
    for nombre, forma in geo.items():
        region, eventos = valores.get(nombre, (nombre.title(), 0))
        color = GRIS_SIN_DATOS if eventos == 0 else sample_colorscale(escala, [eventos / maximo])[0]
        texto = f"{region}: {eventos:,} evento{'s' if eventos != 1 else ''}"
        fig.add_scatter(
            x=forma["x"], y=forma["y"], mode="lines", fill="toself", fillcolor=color,
            line={"color": "white", "width": 1}, hoveron="fills", name=texto, text=texto,
            hoverinfo="text", showlegend=False,
        )
    centros = pd.DataFrame(
        [(valores[n][0], valores[n][1], *f["centro"]) for n, f in geo.items() if valores.get(n, ("", 0))[1] > 0],
        columns=["region", "eventos", "lon", "lat"],
    )
    fig.add_scatter(
        x=centros["lon"], y=centros["lat"], mode="markers+text",
        text=[f"{e:,}" for e in centros["eventos"]], textposition="middle center",
        textfont={"size": 11, "color": "#111827"},
        marker={"size": 22, "color": "rgba(255,255,255,0.55)", "line": {"width": 0}},
        customdata=centros[["region", "eventos"]].to_numpy(),
        hovertemplate="%{customdata[0]}: %{customdata[1]:,} eventos<extra></extra>", showlegend=False,
    )
    fig.add_scatter(  # solo para la barra de colores
        x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
        marker={"colorscale": escala, "cmin": 0, "cmax": maximo, "color": [0], "showscale": True,
                "colorbar": {"title": {"text": "Eventos"}, "thickness": 12, "len": 0.6, "tickformat": ",d",
                             "dtick": 1 if maximo <= 8 else None}},
    )
    _ejes_mapa(fig)
    fig.update_layout(height=alto, margin={"l": 0, "r": 0, "t": 10, "b": 0}, plot_bgcolor="white",
                      dragmode="pan", clickmode="event+select")
    return fig


def mapa_mundo(por_pais: pd.DataFrame, color: str, alto: int = 460) -> tuple[go.Figure, pd.DataFrame]:
    """Mapa esquemático: un círculo por país (área ∝ eventos) en su lat/lon, con el Perú de referencia.

    Devuelve la figura y los países que no tienen coordenadas en el catálogo (para listarlos aparte).
    """
    coords = coordenadas_paises()
    unidos = por_pais.merge(coords[["iso3", "lat", "lon"]], on="iso3", how="left") if "iso3" in por_pais else \
        por_pais.merge(coords[["pais", "lat", "lon"]], on="pais", how="left")
    faltantes = unidos[unidos["lat"].isna()]
    con_lugar = unidos.dropna(subset=["lat", "lon"])
    fig = go.Figure()
    for forma in departamentos().values():
        fig.add_scatter(x=forma["x"], y=forma["y"], mode="lines", fill="toself", fillcolor="#D1D5DB",
                        line={"color": "#D1D5DB", "width": 0.5}, hoverinfo="skip", showlegend=False)
    maximo = max(int(con_lugar["eventos"].max()) if len(con_lugar) else 1, 1)
    fig.add_scatter(
        x=con_lugar["lon"], y=con_lugar["lat"], mode="markers+text", text=con_lugar["pais"],
        textposition="top center", textfont={"size": 11},
        marker={"size": 10 + 40 * np.sqrt(con_lugar["eventos"] / maximo), "color": color, "opacity": 0.75,
                "line": {"color": "white", "width": 1}},
        customdata=con_lugar[["pais", "eventos"]].to_numpy(),
        hovertemplate="%{customdata[0]}: %{customdata[1]:,} eventos<extra></extra>", showlegend=False,
    )
    for nombre, (lon, lat) in CONTINENTES.items():  # referencias para orientarse sin límites dibujados
        fig.add_annotation(x=lon, y=lat, text=nombre, showarrow=False, font={"size": 13, "color": "#9CA3AF"})
    _ejes_mapa(fig, [-180, 180], [-60, 80], rejilla=True)
    fig.update_layout(height=alto, margin={"l": 0, "r": 0, "t": 10, "b": 0}, plot_bgcolor="#F8FAFC",
                      dragmode="pan", clickmode="event+select")
    return fig, faltantes
