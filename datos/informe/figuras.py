"""Gráficos plotly del informe (mismos colores que el tablero, meses en español sin depender del locale)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

ROJO, AZUL, OCRE, VERDE, MORADO = "#B3261E", "#1F5F8B", "#E39B2D", "#3C8D5A", "#7A4E9E"
MESES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "set", "oct", "nov", "dic")
MESES_LARGOS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                "noviembre", "diciembre")


def _estilo(fig: go.Figure, alto: int) -> go.Figure:
    fig.update_layout(
        template="plotly_white", height=alto, margin={"l": 10, "r": 10, "t": 20, "b": 10}, separators=".,",
        font={"size": 13, "family": "Segoe UI, Roboto, Helvetica, Arial, sans-serif"}, showlegend=False,
        hoverlabel={"bgcolor": "white"},
    )
    return fig


def _barras_horizontales(etiquetas: list[str], valores: list[int], nombres: list[str], color: str,
                         eje: str) -> go.Figure:
    fig = go.Figure(go.Bar(
        x=valores[::-1], y=etiquetas[::-1], orientation="h", marker_color=color, text=valores[::-1],
        textposition="auto", customdata=nombres[::-1], hovertemplate="%{customdata}<br>%{x:,} eventos<extra></extra>",
    ))
    fig.update_xaxes(title=eje)
    fig.update_yaxes(title=None, automargin=True)
    return _estilo(fig, max(240, 30 * len(etiquetas) + 70))


def por_mes(serie: pd.DataFrame) -> go.Figure:
    periodos = [pd.Timestamp(p) for p in serie["periodo"]]
    etiquetas = [f"{MESES_LARGOS[p.month - 1]} de {p.year}" for p in periodos]
    fig = go.Figure(go.Bar(
        x=periodos, y=serie["eventos"].tolist(), marker_color=AZUL, customdata=etiquetas,
        hovertemplate="%{customdata}<br>%{y:,} eventos<extra></extra>",
    ))
    paso = max(1, -(-len(periodos) // 12))
    marcas = periodos[::paso]
    fig.update_xaxes(tickmode="array", tickvals=marcas, ticktext=[f"{MESES[p.month - 1]} {p.year}" for p in marcas])
    fig.update_yaxes(title="Eventos")
    return _estilo(fig, 340)


def _corta(texto: str, largo: int = 45) -> str:
    return texto if len(texto) <= largo else texto[: largo - 1] + "…"


def regiones(tabla: pd.DataFrame) -> go.Figure:
    t = tabla.sort_values("eventos", ascending=False).head(25)
    nombres = [str(r) for r in t["region"]]
    return _barras_horizontales(nombres, t["eventos"].astype(int).tolist(), nombres, ROJO, "Eventos")


def socios(tabla: pd.DataFrame) -> go.Figure:
    nombres = [str(n) for n in tabla["organizacion"]]
    siglas = tabla["sigla"] if "sigla" in tabla else [None] * len(tabla)
    etiquetas = [_corta(s if isinstance(s, str) and s else n) for n, s in zip(nombres, siglas, strict=True)]
    return _barras_horizontales(etiquetas, tabla["eventos"].astype(int).tolist(), nombres, AZUL,
                                "Eventos en los que participó")


def temas(tabla: pd.DataFrame) -> go.Figure:
    nombres = [str(t) for t in tabla["tema"]]
    etiquetas = [n[:1].upper() + n[1:] for n in nombres]
    return _barras_horizontales(etiquetas, tabla["eventos"].astype(int).tolist(), nombres, VERDE, "Eventos")
