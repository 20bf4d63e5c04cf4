"""Geometría incluida en el proyecto, dibujada sin internet.

plotly.js descarga un topojson mundial de su CDN para cualquier gráfico `geo` (también con GeoJSON propio), y
los mapas de mosaicos piden mosaicos: ninguno funciona sin conexión. Por eso los departamentos y los países se
dibujan como polígonos rellenos (`go.Scatter`, fill="toself"): los departamentos en lon/lat y el mundo en la
proyección Equal Earth (de áreas iguales, para que el color no exagere los países cercanos a los polos).
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
MUNDO = RAIZ / "datos" / "geo" / "paises_110m.geojson"
PAISES = RAIZ / "datos" / "catalogos" / "paises.csv"
GRIS_SIN_DATOS = "#EEF0F2"
GRIS_PAIS = "#D9DEE4"
MAR = "#EEF4F9"
REFERENCIA = "#5B6770"  # el Perú en el mapa del mundo
LAT_MIN, LAT_MAX = -57.0, 84.0  # sin la Antártida
ETIQUETADOS = 6  # países con nombre escrito en el mapa (el resto, al pasar el mouse)
# Clases de color del mapa del mundo: un trazo por clase y no por país. Con 72 países, 72 trazos rellenos
# tardaban ~0,2 s más en dibujarse en el navegador (Chromium sin GPU, esta máquina).
CLASES_MUNDO = 5
NOMBRES_POR_CLASE = 8  # al pasar el mouse por una clase: sus países, hasta este número
HALO = "0 0 3px white, 0 0 3px white, 0 0 2px white"  # nombres legibles sobre países oscuros


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
    """NOMBDEP → {'x': lon con NaN entre anillos, 'y': lat, 'centro': (lon, lat)} (del mayor anillo).

    Arreglos de numpy y no listas con None: plotly valida las listas elemento por elemento (lento).
    """
    datos = json.loads(GEOJSON.read_text(encoding="utf-8"))
    salida: dict[str, dict] = {}
    for rasgo in datos["features"]:
        anillos = _anillos(rasgo["geometry"])
        lonlat = np.concatenate([np.vstack([np.asarray(a, dtype=float), [np.nan, np.nan]]) for a in anillos])
        mayor = max(anillos, key=len)
        salida[rasgo["properties"]["NOMBDEP"]] = {"x": lonlat[:, 0], "y": lonlat[:, 1], "centro": _centroide(mayor)}
    return salida


@lru_cache(maxsize=1)
def coordenadas_paises() -> pd.DataFrame:
    """pais, iso3, lat, lon del catálogo (vacío si el catálogo aún no está)."""
    if not PAISES.exists():
        return pd.DataFrame(columns=["pais", "iso3", "lat", "lon"])
    tabla = pd.read_csv(PAISES, dtype={"pais": str, "iso3": str, "iso_num": str})
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
    # Los trazos se arman en una lista y la figura una sola vez: `add_scatter` rehace la figura en cada llamada.
    trazos = []
    for nombre, forma in geo.items():
        region, eventos = valores.get(nombre, (nombre.title(), 0))
        color = GRIS_SIN_DATOS if eventos == 0 else sample_colorscale(escala, [eventos / maximo])[0]
        texto = f"{region}: {eventos:,} evento{'s' if eventos != 1 else ''}"
        trazos.append(go.Scatter(
            x=forma["x"], y=forma["y"], mode="lines", fill="toself", fillcolor=color,
            line={"color": "white", "width": 1}, hoveron="fills", name=texto, text=texto,
            hoverinfo="text", showlegend=False,
        ))
    centros = pd.DataFrame(
        [(valores[n][0], valores[n][1], *f["centro"]) for n, f in geo.items() if valores.get(n, ("", 0))[1] > 0],
        columns=["region", "eventos", "lon", "lat"],
    )
    trazos.append(go.Scatter(
        x=centros["lon"], y=centros["lat"], mode="markers+text",
        text=[f"{e:,}" for e in centros["eventos"]], textposition="middle center",
        textfont={"size": 11, "color": "#111827"},
        marker={"size": 22, "color": "rgba(255,255,255,0.55)", "line": {"width": 0}},
        customdata=centros[["region", "eventos"]].to_numpy(),
        hovertemplate="%{customdata[0]}: %{customdata[1]:,} eventos<extra></extra>", showlegend=False,
    ))
    trazos.append(go.Scatter(  # solo para la barra de colores
        x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
        marker={"colorscale": escala, "cmin": 0, "cmax": maximo, "color": [0], "showscale": True,
                "colorbar": {"title": {"text": "Eventos"}, "thickness": 12, "len": 0.6, "tickformat": ",d",
                             "dtick": 1 if maximo <= 8 else None}},
    ))
    fig = go.Figure(data=trazos)
    _ejes_mapa(fig)
    fig.update_layout(height=alto, margin={"l": 0, "r": 0, "t": 10, "b": 0}, plot_bgcolor="white",
                      dragmode="pan", clickmode="event+select")
    return fig



def equal_earth(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Proyección Equal Earth (Šavrič, Patterson y Jenny, 2018): de áreas iguales y con aspecto familiar."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    lam = np.radians(lon)
    theta = np.arcsin(np.sqrt(3) / 2 * np.sin(np.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = 2 * np.sqrt(3) * lam * np.cos(theta) / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
    y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
    return np.degrees(x), np.degrees(y)


def _proyectar_anillos(anillos: list[list[list[float]]]) -> tuple[np.ndarray, np.ndarray]:
    """x, y proyectados de varios anillos, separados por NaN (un solo trazo de plotly por país).

    Arreglos de numpy y no listas con None: plotly valida las listas elemento por elemento (lento).
    """
    partes = [np.asarray(a, dtype=float) for a in anillos]
    lonlat = np.concatenate([np.vstack([p, [np.nan, np.nan]]) for p in partes])
    x, y = equal_earth(lonlat[:, 0], lonlat[:, 1])
    return np.round(x, 3), np.round(y, 3)


@lru_cache(maxsize=1)
def paises_mundo() -> dict[str, dict]:
    """ISO3 → {'nombre', 'x', 'y', 'centro'} proyectados, de `paises_110m.geojson` (Natural Earth vía world-atlas).

    `centro`: lon/lat del catálogo de países si lo tiene (elegido a mano), si no el centroide del mayor anillo.
    """
    datos = json.loads(MUNDO.read_text(encoding="utf-8"))
    catalogo = {c.iso3: (c.lon, c.lat) for c in coordenadas_paises().itertuples(index=False)}
    salida: dict[str, dict] = {}
    for rasgo in datos["features"]:
        iso3 = rasgo["properties"]["iso3"]
        anillos = [anillo for poligono in rasgo["geometry"]["coordinates"] for anillo in poligono]
        xs, ys = _proyectar_anillos(anillos)
        centro = catalogo.get(iso3) or _centroide(max((p[0] for p in rasgo["geometry"]["coordinates"]), key=len))
        salida[iso3] = {"nombre": rasgo["properties"]["nombre"], "x": xs, "y": ys, "centro": centro}
    return salida


@lru_cache(maxsize=1)
def _contorno() -> tuple[list[float], list[float]]:
    """Borde del mapa (meridianos ±180 entre las latitudes dibujadas): el mar de fondo."""
    lat = np.linspace(LAT_MIN, LAT_MAX, 60)
    x1, y1 = equal_earth(np.full_like(lat, -180.0), lat)
    x2, y2 = equal_earth(np.full_like(lat, 180.0), lat[::-1])
    return np.r_[x1, x2, x1[:1]].tolist(), np.r_[y1, y2, y1[:1]].tolist()


def _plural(n: int) -> str:
    return f"{n:,} evento{'s' if n != 1 else ''}"


def _clase(n: int, maximo: int) -> int:
    """1..CLASES_MUNDO: tramos iguales de 0 al máximo; el país con más eventos lleva el color más oscuro."""
    return max(1, min(CLASES_MUNDO, -(-n * CLASES_MUNDO // maximo)))


def _color_clase(escala: list, k: int) -> str:
    return sample_colorscale(escala, [k / CLASES_MUNDO])[0]


def _escala_por_clases(escala: list) -> list:
    """La barra de colores en escalones, con los mismos colores y cortes que los países."""
    pasos = []
    for k in range(1, CLASES_MUNDO + 1):
        pasos += [[(k - 1) / CLASES_MUNDO, _color_clase(escala, k)], [k / CLASES_MUNDO, _color_clase(escala, k)]]
    return pasos


def _texto_clase(miembros: list[tuple[str, str, int]]) -> str:
    """Al pasar el mouse por un país: los de su clase, de más a menos eventos, y el rango de la clase."""
    orden = sorted(miembros, key=lambda m: (-m[2], m[1]))
    nombres = [f"{pais} ({n:,})" for _, pais, n in orden[:NOMBRES_POR_CLASE]]
    if len(orden) > NOMBRES_POR_CLASE:
        nombres.append(f"y {len(orden) - NOMBRES_POR_CLASE} más")
    menor, mayor = orden[-1][2], orden[0][2]
    rango = _plural(menor) if menor == mayor else f"de {menor:,} a {_plural(mayor)}"
    filas = [", ".join(nombres[i:i + 3]) for i in range(0, len(nombres), 3)]
    return f"Países con {rango}:<br>" + "<br>".join(filas)  # los nombres vienen del catálogo, no de las notas


def _relleno(formas: list[dict], color: str, texto: str | None) -> go.Scatter:
    """Un trazo con uno o varios países rellenos (subtrazos separados por None)."""
    xs = np.concatenate([f["x"] for f in formas]) if formas else np.array([])
    ys = np.concatenate([f["y"] for f in formas]) if formas else np.array([])
    return go.Scatter(
        x=xs, y=ys, mode="lines", fill="toself", fillcolor=color, line={"color": "white", "width": 0.6},
        hoveron="fills", name=texto or "", text=texto, hoverinfo="text" if texto else "skip", showlegend=False,
    )


def _rotulos(x: np.ndarray, y: np.ndarray, textos: list[str], posicion: str, color: str) -> go.Scatter:
    """Nombres escritos en el mapa, con un halo blanco para leerse también sobre países oscuros."""
    return go.Scatter(x=x, y=y, mode="text", text=textos, textposition=posicion, hoverinfo="skip", showlegend=False,
                      textfont={"size": 11, "color": color, "shadow": HALO})


def mapa_mundo(por_pais: pd.DataFrame, escala: list, alto: int = 310) -> tuple[go.Figure, pd.DataFrame]:
    """Coropleta mundial: cada país coloreado por sus eventos (gris: ninguno), el Perú de referencia.

    `por_pais`: pais, iso3, eventos. Los países con eventos se colorean en `CLASES_MUNDO` clases (un trazo por
    clase). Un círculo con el número marca cada país con eventos: dice su cifra exacta, es lo que se
    cliquea para filtrar y deja ver los países demasiado chicos para el mapa. Los países sin eventos van en un
    solo trazo gris (decenas de trazos harían lenta la página); su nombre aparece al pasar por su centro.
    Devuelve la figura y los países que no se pueden ubicar (sin ISO3 en el catálogo) para listarlos aparte.
    """
    mundo = paises_mundo()
    coords = coordenadas_paises().drop_duplicates("iso3")
    unidos = por_pais.drop(columns=["lat", "lon"], errors="ignore").merge(
        coords[["iso3", "lat", "lon"]], on="iso3", how="left")
    faltantes = unidos[unidos["lat"].isna()]
    con_lugar = unidos.dropna(subset=["lat", "lon"])
    eventos = {str(f.iso3): (str(f.pais), int(f.eventos)) for f in con_lugar.itertuples(index=False)}
    maximo = max([n for _, n in eventos.values()] + [1])

    mar_x, mar_y = _contorno()
    trazos = [go.Scatter(x=mar_x, y=mar_y, mode="lines", fill="toself", fillcolor=MAR,
                         line={"color": "#CBD5E1", "width": 1}, hoverinfo="skip", showlegend=False)]
    sin_eventos = [f for iso3, f in mundo.items() if iso3 not in eventos and iso3 != "PER"]
    trazos.append(_relleno(sin_eventos, GRIS_PAIS, None))
    if "PER" in mundo:
        trazos.append(_relleno([mundo["PER"]], REFERENCIA, "Perú (referencia: sus eventos están en el mapa de arriba)"))
    clases: dict[int, list[tuple[str, str, int]]] = {}
    for iso3, (pais, n) in eventos.items():
        if iso3 in mundo:
            clases.setdefault(_clase(n, maximo), []).append((iso3, pais, n))
    for k, miembros in sorted(clases.items()):
        trazo = _relleno([mundo[iso3] for iso3, _, _ in miembros], _color_clase(escala, k), _texto_clase(miembros))
        trazo.meta = [[pais, n] for _, pais, n in miembros]  # qué países lleva (para las pruebas y la depuración)
        trazos.append(trazo)
    grises = coords[~coords["iso3"].isin(list(eventos) + ["PER"])]
    en_catalogo = set(coords["iso3"])
    centros = [(f["nombre"], *f["centro"]) for iso3, f in mundo.items() if iso3 not in en_catalogo]
    nombres = list(grises["pais"]) + [c[0] for c in centros]
    gx, gy = equal_earth(np.r_[grises["lon"].to_numpy(float), [c[1] for c in centros]],
                         np.r_[grises["lat"].to_numpy(float), [c[2] for c in centros]])
    trazos.append(go.Scatter(  # sin customdata: pasar el mouse dice el nombre, el clic no filtra
        x=gx, y=gy, mode="markers", marker={"size": 14, "opacity": 0}, text=[f"{n}: sin eventos" for n in nombres],
        hoverinfo="text", showlegend=False,
    ))
    px, py = equal_earth(con_lugar["lon"].to_numpy(float), con_lugar["lat"].to_numpy(float))
    trazos.append(go.Scatter(  # los círculos cliqueables, con el número de eventos
        x=px, y=py, mode="markers+text", text=[f"{e:,}" for e in con_lugar["eventos"]],
        textposition="middle center", textfont={"size": 11, "color": "#111827"},
        marker={"size": 22, "color": "rgba(255,255,255,0.85)", "line": {"width": 1, "color": "#7F1D16"}},
        customdata=con_lugar[["pais", "eventos"]].to_numpy(),
        hovertemplate="%{customdata[0]}: %{customdata[1]:,} eventos<extra></extra>", showlegend=False,
    ))
    principales = con_lugar.nlargest(ETIQUETADOS, "eventos")  # nombre junto a los círculos de los que más tienen
    ex, ey = equal_earth(principales["lon"].to_numpy(float), principales["lat"].to_numpy(float))
    trazos.append(_rotulos(ex + 5, ey, list(principales["pais"]), "middle right", "#111827"))
    peru = coords[coords["iso3"] == "PER"]
    if len(peru):
        x, y = equal_earth(peru["lon"].to_numpy(float), peru["lat"].to_numpy(float))
        trazos.append(_rotulos(x - 4, y, ["Perú"], "middle left", REFERENCIA))
    trazos.append(go.Scatter(  # solo para la barra de colores
        x=[None], y=[None], mode="markers", showlegend=False, hoverinfo="skip",
        marker={"colorscale": _escala_por_clases(escala), "cmin": 0, "cmax": maximo, "color": [0],
                "showscale": True,
                "colorbar": {"title": {"text": "Eventos"}, "thickness": 12, "len": 0.6, "tickformat": ",d",
                             "dtick": 1 if maximo <= 8 else None}},
    ))
    fig = go.Figure(data=trazos)
    _ejes_mapa(fig, [min(mar_x) - 2, max(mar_x) + 2], [min(mar_y) - 2, max(mar_y) + 2])
    fig.update_layout(height=alto, margin={"l": 0, "r": 0, "t": 10, "b": 0}, plot_bgcolor="white",
                      dragmode="pan", clickmode="event+select", hovermode="closest")
    return fig, faltantes
