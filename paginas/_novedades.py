"""Sección "Novedades" de Resumen: qué hay de nuevo en el periodo filtrado frente al anterior."""

from __future__ import annotations

import streamlit as st

from consultas.filtros import Filtros
from paginas import _datos
from paginas import _formato as formato


def seccion(filtros: Filtros) -> None:
    """Organizaciones nuevas, pares en alza y regiones sin actividad reciente (tablas, no HTML)."""
    st.subheader("Novedades", anchor=False)
    novedades = _datos.consultar("novedades.seccion", filtros, n=10)  # el periodo se calcula una vez
    periodo = novedades.periodo
    if periodo is None:
        st.info("No hay eventos con fecha para calcular novedades.", icon=":material/search_off:")
        return
    sin_anios = filtros.anio_desde is None and filtros.anio_hasta is None
    st.caption(
        f"Periodo: {periodo.texto()}{' (últimos 12 meses con datos)' if sin_anios else ''}, comparado con "
        f"{periodo.texto_anterior()}. Mostrando: {filtros.descripcion()}."
    )
    nuevas, pares, regiones = novedades.organizaciones, novedades.pares, novedades.regiones
    izquierda, centro, derecha = st.columns(3, gap="medium")
    with izquierda:
        st.markdown("**Organizaciones que aparecen por primera vez**")
        if nuevas.empty:
            st.caption("Ninguna en el periodo.")
        else:
            tabla = nuevas.assign(primera=[formato.fecha_larga(f) for f in nuevas["primera_fecha"]])
            st.dataframe(tabla[["organizacion", "primera", "eventos"]], hide_index=True, width="stretch",
                         column_config={"organizacion": "Organización", "primera": "Primera vez",
                                        "eventos": "Eventos"}, key="nov_orgs")
    with centro:
        st.markdown("**Pares que más trabajaron juntos frente al periodo anterior**")
        if pares.empty:
            st.caption("Ningún par aumentó su trabajo conjunto.")
        else:
            st.dataframe(pares[["organizacion_a", "organizacion_b", "eventos", "eventos_anterior"]], hide_index=True,
                         width="stretch", key="nov_pares",
                         column_config={"organizacion_a": "Organización", "organizacion_b": "Con",
                                        "eventos": "Eventos", "eventos_anterior": "Antes"})
    with derecha:
        st.markdown("**Regiones sin actividad en los últimos seis meses**")
        if regiones.empty:
            st.caption("Todas las regiones tuvieron actividad.")
        else:
            tabla = regiones.assign(ultima=[formato.fecha_larga(f, "nunca") for f in regiones["ultima_fecha"]])
            st.dataframe(tabla[["region", "ultima"]], hide_index=True, width="stretch", key="nov_regiones",
                         column_config={"region": "Región", "ultima": "Último evento"})
