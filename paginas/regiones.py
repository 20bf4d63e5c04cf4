"""Regiones: mapa de los departamentos del Perú, ranking por departamento y actividad en el exterior."""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from paginas import _datos, _filtros, _geo, _pestanas
from paginas import _formato as formato
from paginas import _graficos as graficos


def _peru(filtros) -> None:
    st.subheader("Eventos por departamento", anchor=False)
    por_region = _datos.consultar("regiones.eventos_por_region", filtros)
    con_eventos = por_region[por_region["eventos"] > 0].sort_values(["eventos", "region"], ascending=[False, True])
    if con_eventos.empty:
        graficos.sin_datos("peru", "Ningún evento que coincida con los filtros ocurrió en un departamento del Perú.")
        return
    mapa, ranking = st.columns([3, 2], gap="large")
    with mapa:
        fig = _geo.mapa_peru(por_region, graficos.ESCALA)
        tabla = por_region.sort_values(["eventos", "region"], ascending=[False, True])[
            ["region", "eventos", "organizaciones", "oficinas", "ultima_fecha"]
        ].assign(ultima_fecha=lambda d: d["ultima_fecha"].map(lambda f: formato.fecha_larga(f, "—")))
        graficos.mostrar(
            fig, tabla, filtros, "eventos_por_departamento", "g_mapa_peru",
            al_seleccionar=graficos.seleccion("g_mapa_peru", "region"), modo="points",
            columnas={"region": "Departamento", "eventos": "Eventos", "organizaciones": "Organizaciones",
                      "oficinas": "Oficinas", "ultima_fecha": "Último evento"},
            nota="Gris: sin eventos. El número es la cantidad de eventos del departamento.",
        )
        graficos.pista_clic("Haga clic en el número de un departamento para filtrar por él.")
    with ranking:
        st.markdown("**Ranking de departamentos**")
        st.dataframe(
            con_eventos[["region", "eventos", "organizaciones", "ultima_fecha"]],
            hide_index=True, width="stretch",
            column_config={
                "region": st.column_config.TextColumn("Departamento"),
                "eventos": st.column_config.ProgressColumn(
                    "Eventos", format="%d", min_value=0, max_value=int(con_eventos["eventos"].max())
                ),
                "organizaciones": st.column_config.NumberColumn("Organizaciones", format="%d"),
                "oficinas": st.column_config.NumberColumn("Oficinas", format="%d"),
                "ultima_fecha": st.column_config.DateColumn("Último evento", format="DD/MM/YYYY"),
            },
        )
        st.caption("Organizaciones: cuántas organizaciones distintas participaron en eventos del departamento. "
                   "La tabla completa (con oficinas) está en «Datos del gráfico».")


def _exterior(filtros) -> None:
    st.subheader("Actividad en el exterior", anchor=False)
    por_pais = _datos.consultar("regiones.eventos_por_pais", filtros)
    por_pais = por_pais[por_pais["eventos"] > 0].sort_values(["eventos", "pais"], ascending=[False, True])
    if por_pais.empty:
        graficos.sin_datos("exterior", "Ningún evento que coincida con los filtros ocurrió fuera del Perú.")
        return
    mapa, barras = st.columns([5, 2], gap="large")
    with mapa:
        fig, faltantes = _geo.mapa_mundo(por_pais, graficos.ESCALA)
        graficos.mostrar(
            fig, por_pais[["pais", "eventos"]], filtros, "eventos_por_pais", "g_mapa_mundo",
            al_seleccionar=graficos.seleccion("g_mapa_mundo", "pais"), modo="points",
            columnas={"pais": "País", "eventos": "Eventos"},
            nota="Más oscuro, más eventos; gris: sin eventos. El número es la cantidad de eventos del país; "
                 "el Perú (en gris oscuro) es la referencia.",
        )
        if len(faltantes):
            st.caption("Sin ubicación en el catálogo de países: " + ", ".join(map(str, faltantes["pais"])))
    with barras:
        st.markdown("**Países con más eventos**")
        top = por_pais.head(15).iloc[::-1]
        fig = go.Figure(go.Bar(
            x=top["eventos"], y=top["pais"], orientation="h", customdata=top[["pais"]].to_numpy(),
            marker_color=graficos.COLORES[0], text=top["eventos"].map(formato.numero),
            textposition="outside", textangle=0, cliponaxis=False,
            hovertemplate="%{customdata[0]}: %{x:,} eventos<extra></extra>",
        ))
        fig.update_xaxes(title="Eventos")
        graficos.enteros(fig, top["eventos"].max(), "x")
        graficos.estilo(fig, alto=max(240, 30 * len(top) + 80), leyenda=False)
        st.plotly_chart(fig, key="g_barras_pais", on_select=graficos.seleccion("g_barras_pais", "pais"),
                        selection_mode="points", config=graficos.CONFIG)
        graficos.pista_clic("Haga clic en una barra o en el número de un país para filtrar por ese país.")


def pagina() -> None:
    """Dibuja la página Regiones."""
    filtros = _filtros.actuales()
    st.title("Regiones", anchor=False)
    st.caption("Dónde ocurrieron los eventos: departamentos del Perú y países del exterior.")
    if not graficos.hay_eventos(filtros):
        return
    # Solo corre y se dibuja la pestaña abierta (ver _pestanas).
    peru, exterior = st.tabs(_pestanas.REGIONES.nombres, key=_pestanas.REGIONES.clave, on_change="rerun")
    if peru.open:
        with peru:
            _peru(filtros)
    if exterior.open:
        with exterior:
            _exterior(filtros)


pagina()
