"""Resumen: las cifras clave con los filtros vigentes, el cambio frente al periodo anterior, los socios más
activos y los últimos eventos."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from paginas import _datos, _eventos, _filtros, _informe, _novedades
from paginas import _formato as formato
from paginas import _graficos as graficos

CIFRAS = (
    ("eventos", "Eventos", "Notas de prensa que informan una actividad (un evento por nota)."),
    ("organizaciones", "Organizaciones", "Organizaciones distintas que participaron en esos eventos."),
    ("oficinas", "Oficinas", "Oficinas de la Cancillería que informaron los eventos."),
    ("regiones", "Regiones", "Departamentos del Perú donde ocurrieron eventos."),
    ("paises", "Países", "Países donde ocurrieron eventos (incluido el Perú)."),
)


def _valor(df: pd.DataFrame, columna: str) -> int:
    if df is None or df.empty or columna not in df.columns or pd.isna(df[columna].iloc[0]):
        return 0
    return int(df[columna].iloc[0])


def _cifras(filtros) -> bool:
    actual, anterior = _datos.consultar("resumen.cifras_con_anterior", filtros)  # con rango de años, ambos a la vez
    anterior_f = filtros.periodo_anterior()
    columnas = st.columns(len(CIFRAS))
    for col, (campo, etiqueta, ayuda) in zip(columnas, CIFRAS, strict=True):
        valor = _valor(actual, campo)
        delta = None
        if anterior is not None:
            previo = _valor(anterior, campo)
            delta = f"{valor - previo:+,} frente a {formato.rango_anios(anterior_f.anio_desde, anterior_f.anio_hasta)}"
        col.metric(etiqueta, formato.numero(valor), delta=delta, help=ayuda, border=True)
    if anterior_f is None:
        st.caption("Para comparar con el periodo anterior, elija un rango de años en la barra lateral.")
    return _valor(actual, "eventos") > 0


def _socios(filtros) -> None:
    st.subheader("Socios más activos", anchor=False)
    socios = _datos.consultar("resumen.socios_principales", filtros, n=10)
    if socios.empty:
        graficos.sin_datos("socios", "Ningún evento filtrado menciona organizaciones.")
        return
    socios = socios.sort_values("eventos", ascending=True)
    etiquetas = [s if isinstance(s, str) and s else n for n, s in zip(socios["organizacion"], socios["sigla"],
                                                                      strict=True)]
    fig = go.Figure(go.Bar(
        x=socios["eventos"], y=etiquetas, orientation="h",
        customdata=socios[["organizacion"]].to_numpy(),
        text=socios["eventos"].map(formato.numero), textposition="outside", textangle=0, cliponaxis=False,
        marker_color=graficos.COLORES[0],
        hovertemplate="%{customdata[0]}<br>%{x:,} eventos<extra></extra>",
    ))
    fig.update_xaxes(title="Eventos en los que participó")
    graficos.enteros(fig, socios["eventos"].max(), "x")
    fig.update_yaxes(title=None)
    graficos.estilo(fig, alto=max(260, 34 * len(socios) + 60), leyenda=False)
    graficos.mostrar(
        fig, socios.sort_values("eventos", ascending=False), filtros, "socios_principales", "g_socios",
        al_seleccionar=graficos.seleccion("g_socios", "organizacion"),
        columnas={"organizacion": "Organización", "sigla": "Sigla", "tipo": "Tipo", "eventos": "Eventos"},
    )
    graficos.pista_clic("Haga clic en una barra para ver solo los eventos de esa organización.")


def _tendencia(filtros) -> None:
    st.subheader("Eventos por mes", anchor=False)
    serie = _datos.consultar("linea_tiempo.eventos_por_periodo", filtros, granularidad="mes")
    if serie.empty:
        graficos.sin_datos("tendencia", "Ningún evento filtrado tiene fecha.")
        return
    serie = serie.groupby("periodo", as_index=False)["eventos"].sum()
    etiquetas = [formato.etiqueta_periodo(p) for p in serie["periodo"]]
    fig = go.Figure(go.Bar(
        x=serie["periodo"], y=serie["eventos"], customdata=list(zip(etiquetas, strict=True)),
        marker_color=graficos.COLORES[1],
        hovertemplate="%{customdata[0]}<br>%{y:,} eventos<extra></extra>",
    ))
    fig.update_yaxes(title="Eventos")
    graficos.enteros(fig, serie["eventos"].max())
    graficos.eje_tiempo(fig, serie["periodo"])
    graficos.estilo(fig, alto=380, leyenda=False)
    datos = serie.assign(mes=etiquetas)[["mes", "eventos"]]
    graficos.mostrar(fig, datos, filtros, "eventos_por_mes", "g_tendencia",
                     columnas={"mes": "Mes", "eventos": "Eventos"})


def _ultimos(filtros) -> None:
    st.subheader("Últimos eventos", anchor=False)
    ultimos = _datos.consultar("resumen.ultimos_eventos", filtros, n=10)
    if ultimos.empty:
        graficos.sin_datos("ultimos")
        return
    elegido = _eventos.tabla_eventos(
        ultimos, "t_ultimos", ["fecha", "titulo", "oficina", "region", "pais", "tipo_evento"]
    )
    _eventos.seccion_evento(elegido)


def pagina() -> None:
    """Dibuja la página Resumen."""
    filtros = _filtros.actuales()
    st.title("Resumen", anchor=False)
    st.caption("Con quién y dónde articula la Cancillería, según sus notas de prensa. "
               f"Mostrando: {filtros.descripcion()}.")
    _informe.boton(filtros)  # informe HTML autocontenido (y PDF si hay Chromium)
    if not _cifras(filtros):
        graficos.sin_datos("resumen")
        return
    izquierda, derecha = st.columns(2, gap="large")
    with izquierda:
        _socios(filtros)
    with derecha:
        _tendencia(filtros)
    _ultimos(filtros)
    _novedades.seccion(filtros)


pagina()
