"""Temas: de qué tratan los eventos a lo largo del tiempo y en cada departamento."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from paginas import _datos, _filtros, _pestanas
from paginas import _formato as formato
from paginas import _graficos as graficos

GRANULARIDADES = {"mes": "Mes", "anio": "Año"}


def _tiempo(filtros, granularidad: str) -> None:
    st.subheader("Temas a lo largo del tiempo", anchor=False)
    serie = _datos.consultar("temas.temas_por_periodo", filtros, granularidad=granularidad)
    if serie.empty:
        graficos.sin_datos("temas_tiempo", "Ningún evento con fecha que coincida con los filtros tiene temas.")
        return
    serie = serie.assign(etiqueta=[formato.etiqueta_periodo(p, granularidad) for p in serie["periodo"]])
    totales = serie.groupby("tema")["eventos"].sum().sort_values(ascending=False)
    fig = go.Figure()
    for i, tema in enumerate(totales.index):
        parte = serie[serie["tema"] == tema].sort_values("periodo")
        fig.add_bar(
            x=parte["periodo"], y=parte["eventos"], name=str(tema).capitalize(),
            customdata=list(zip(parte["tema"], parte["etiqueta"], strict=True)),
            marker_color=graficos.COLORES[i % len(graficos.COLORES)],
            hovertemplate="%{customdata[0]}<br>%{customdata[1]}: %{y:,} eventos<extra></extra>",
        )
    fig.update_layout(barmode="stack", bargap=0.15)
    fig.update_yaxes(title="Eventos")
    graficos.enteros(fig, serie.groupby("periodo")["eventos"].sum().max())
    graficos.eje_tiempo(fig, serie["periodo"], granularidad)
    graficos.estilo(fig, alto=440)
    graficos.mostrar(
        fig, serie[["etiqueta", "tema", "eventos"]], filtros, f"temas_por_{granularidad}", "g_temas_tiempo",
        al_seleccionar=graficos.seleccion("g_temas_tiempo", "tema"),
        columnas={"etiqueta": GRANULARIDADES[granularidad], "tema": "Tema", "eventos": "Eventos"},
        nota="Un evento puede tratar varios temas: cuenta una vez en cada uno.",
    )
    graficos.pista_clic("Haga clic en un tramo de color para filtrar por ese tema.")


def _elegir_celda() -> None:
    estado = st.session_state.get("g_temas_region") or {}
    puntos = (estado.get("selection") or {}).get("points") or []
    temas = {p["customdata"][0] for p in puntos if isinstance(p.get("customdata"), list | tuple)}
    regiones = {p["customdata"][1] for p in puntos if isinstance(p.get("customdata"), list | tuple)}
    if temas and regiones:
        _filtros.estrechar_varios({"tema": temas, "region": regiones})


def _por_region(filtros) -> None:
    st.subheader("Temas por departamento", anchor=False)
    tabla = _datos.consultar("temas.temas_por_region", filtros)
    if tabla.empty:
        graficos.sin_datos("temas_region", "Ningún evento en un departamento del Perú coincide con los filtros "
                                           "y tiene temas.")
        return
    matriz = tabla.pivot_table(index="tema", columns="region", values="eventos", aggfunc="sum").fillna(0)
    matriz = matriz.loc[matriz.sum(axis=1).sort_values(ascending=False).index,
                        matriz.sum(axis=0).sort_values(ascending=False).index]
    temas, regiones = list(matriz.index), list(matriz.columns)
    z = matriz.to_numpy()
    texto = [[f"{temas[i]} en {regiones[j]}: {int(z[i, j])} eventos" for j in range(len(regiones))]
             for i in range(len(temas))]
    fig = go.Figure(go.Heatmap(
        z=z, x=regiones, y=[str(t).capitalize() for t in temas], colorscale=graficos.ESCALA, text=texto,
        hovertemplate="%{text}<extra></extra>", xgap=1, ygap=1, **graficos.cifras_en_celdas(*z.shape),
        colorbar={"title": {"text": "Eventos"}, "thickness": 12, **graficos.barra_de_colores_entera(z.max())},
    ))
    xs, ys, datos = [], [], []
    for i, tema in enumerate(temas):
        for j, region in enumerate(regiones):
            if z[i, j] > 0:
                xs.append(region)
                ys.append(str(tema).capitalize())
                datos.append((tema, region, texto[i][j]))
    fig.add_scatter(x=xs, y=ys, mode="markers", marker={"size": 16, "opacity": 0}, customdata=datos,
                    hovertemplate="%{customdata[2]}<extra></extra>", showlegend=False)
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(title=None, tickangle=-45)
    graficos.estilo(fig, alto=max(360, 34 * len(temas) + 180), leyenda=False)
    graficos.mostrar(
        fig, tabla.sort_values("eventos", ascending=False), filtros, "temas_por_departamento", "g_temas_region",
        al_seleccionar=_elegir_celda, modo="points",
        columnas={"tema": "Tema", "region": "Departamento", "eventos": "Eventos"},
    )
    graficos.pista_clic("Haga clic en una celda para filtrar por ese tema y ese departamento.")


def pagina() -> None:
    """Dibuja la página Temas."""
    filtros = _filtros.actuales()
    st.title("Temas", anchor=False)
    st.caption("De qué tratan los eventos (migración, comunidad peruana en el exterior, seguridad, comercio…), "
               "según palabras clave del catálogo de temas.")
    if not graficos.hay_eventos(filtros):
        return
    # Solo corre y se dibuja la pestaña abierta (ver _pestanas).
    tiempo, por_region = st.tabs(_pestanas.TEMAS.nombres, key=_pestanas.TEMAS.clave, on_change="rerun")
    if tiempo.open:
        with tiempo:
            opciones = _datos.opciones()
            inicial = graficos.granularidad_inicial(filtros.anio_desde or opciones.anio_min,
                                                    filtros.anio_hasta or opciones.anio_max)
            granularidad = st.segmented_control(
                "Agrupar por", list(GRANULARIDADES), format_func=GRANULARIDADES.get, default=inicial, required=True,
                key="tm_granularidad", help="Con más de cinco años, empieza por año: por mes serían miles de barras.",
            ) or inicial
            _tiempo(filtros, granularidad)
    if por_region.open:
        with por_region:
            _por_region(filtros)


pagina()
