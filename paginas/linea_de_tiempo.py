"""Línea de tiempo: eventos por mes, semana o año, separados por oficina, región, tema, tipo de organización...;
debajo, la lista de los eventos filtrados."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from paginas import _datos, _eventos, _filtros
from paginas import _formato as formato
from paginas import _graficos as graficos

GRANULARIDADES = {"mes": "Mes", "semana": "Semana", "anio": "Año"}
DESGLOSES = {
    "ninguno": "Sin separar",
    "oficina": "Oficina",
    "region": "Región",
    "tema": "Tema",
    "tipo_organizacion": "Tipo de organización",
    "organizacion": "Organización",
    "tipo_evento": "Tipo de evento",
    "pais": "País",
}
# Desgloses que corresponden a un filtro: al hacer clic en un tramo se filtra por ese valor.
FILTRABLES = {"oficina", "region", "tema", "organizacion", "tipo_evento", "pais"}
LIMITE_LISTA = 1000


def _etiqueta_grupo(desglose: str, grupo: str) -> str:
    if desglose == "tipo_organizacion" and grupo not in ("Otros", "Todos"):
        return formato.tipo_organizacion(grupo)
    return grupo if isinstance(grupo, str) and grupo else "Sin dato"


def _grafico(filtros, granularidad: str, desglose: str) -> None:
    serie = _datos.consultar(
        "linea_tiempo.eventos_por_periodo", filtros, granularidad=granularidad,
        desglose=None if desglose == "ninguno" else desglose, top=8,
    )
    if serie.empty:
        graficos.sin_datos("linea", "No hay eventos con fecha que coincidan con los filtros.")
        return
    serie = serie.assign(
        etiqueta_periodo=[formato.etiqueta_periodo(p, granularidad) for p in serie["periodo"]],
        etiqueta_grupo=[_etiqueta_grupo(desglose, g) for g in serie["grupo"]],
    )
    totales = serie.groupby("grupo")["eventos"].sum().sort_values(ascending=False)
    orden = [g for g in totales.index if g != "Otros"] + (["Otros"] if "Otros" in totales.index else [])
    clic = desglose in FILTRABLES or desglose == "ninguno"
    fig = go.Figure()
    for i, grupo in enumerate(orden):
        parte = serie[serie["grupo"] == grupo]
        filtro = [pd.Timestamp(p).year for p in parte["periodo"]] if desglose == "ninguno" else list(parte["grupo"])
        fig.add_bar(
            x=parte["periodo"], y=parte["eventos"], name=parte["etiqueta_grupo"].iloc[0],
            customdata=list(zip(filtro, parte["etiqueta_periodo"], parte["etiqueta_grupo"], strict=True)),
            marker_color=graficos.COLORES[i % len(graficos.COLORES)] if grupo != "Otros" else "#B0B7BE",
            hovertemplate="%{customdata[2]}<br>%{customdata[1]}: %{y:,} eventos<extra></extra>",
        )
    fig.update_layout(barmode="stack", bargap=0.15)
    fig.update_yaxes(title="Eventos")
    graficos.enteros(fig, serie.groupby("periodo")["eventos"].sum().max())
    graficos.eje_tiempo(fig, serie["periodo"], granularidad)
    graficos.estilo(fig, alto=440, leyenda=desglose != "ninguno")
    datos = serie[["etiqueta_periodo", "etiqueta_grupo", "eventos"]]
    columnas = {"etiqueta_periodo": GRANULARIDADES[granularidad], "etiqueta_grupo": DESGLOSES[desglose],
                "eventos": "Eventos"}
    if desglose == "ninguno":
        datos = datos.drop(columns="etiqueta_grupo")
    campo = "anio" if desglose == "ninguno" else desglose
    graficos.mostrar(
        fig, datos, filtros, f"eventos_por_{granularidad}", "g_linea",
        al_seleccionar=graficos.seleccion("g_linea", campo) if clic else None,
        columnas=columnas,
        nota="Los eventos sin fecha no aparecen aquí (ver Calidad de datos).",
    )
    if desglose == "ninguno":
        graficos.pista_clic("Haga clic en una barra para quedarse con ese año.")
    elif clic:
        graficos.pista_clic(f"Haga clic en un tramo de color para filtrar por esa {DESGLOSES[desglose].lower()}."
                            if desglose in ("oficina", "region", "organizacion")
                            else f"Haga clic en un tramo de color para filtrar por ese {DESGLOSES[desglose].lower()}.")


def _lista(filtros) -> None:
    total = _datos.consultar("eventos.contar_eventos", filtros)
    st.subheader("Eventos", anchor=False)
    if not total:
        graficos.sin_datos("lista_linea")
        return
    eventos = _datos.consultar("eventos.lista_eventos", filtros, limite=LIMITE_LISTA)
    if total > len(eventos):
        st.caption(f"Se muestran los {formato.numero(len(eventos))} más recientes de {formato.numero(total)}; "
                   "el Explorador permite descargarlos todos.")
    else:
        st.caption(f"{formato.plural(int(total), 'evento')}, del más reciente al más antiguo.")
    elegido = _eventos.tabla_eventos(
        eventos, "t_linea", ["fecha", "titulo", "oficina", "region", "pais", "tipo_evento", "organizaciones"],
        alto=360,
    )
    _eventos.seccion_evento(elegido)


def pagina() -> None:
    """Dibuja la página Línea de tiempo."""
    filtros = _filtros.actuales()
    st.title("Línea de tiempo", anchor=False)
    st.caption("Cuántos eventos hubo en cada periodo y quiénes los protagonizaron.")
    if not graficos.hay_eventos(filtros):
        return
    c1, c2 = st.columns([1, 2])
    with c1:
        granularidad = st.segmented_control(
            "Agrupar por", list(GRANULARIDADES), format_func=GRANULARIDADES.get, default="mes",
            required=True, key="lt_granularidad",
        ) or "mes"
    with c2:
        desglose = st.selectbox(
            "Separar por", list(DESGLOSES), format_func=DESGLOSES.get, key="lt_desglose",
            help="Muestra las 8 categorías con más eventos; el resto se agrupa en «Otros».",
        )
    _grafico(filtros, granularidad, desglose)
    _lista(filtros)


pagina()
