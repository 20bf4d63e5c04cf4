"""Botones "Descargar informe" (HTML autocontenido) y su versión PDF si el servidor tiene Chromium.

El informe se arma solo al hacer clic (los datos de la descarga son una función) y se cachea por versión de
la base y filtros, así que repetir la descarga no vuelve a consultar.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from consultas import conexion
from consultas.filtros import Filtros
from datos.informe import a_pdf, construir_html, hay_chromium, recopilar
from paginas import _datos


@st.cache_data(show_spinner=False, max_entries=8)
def _html(version: tuple, clave: str, _filtros: Filtros) -> str:
    return construir_html(recopilar(_filtros, _datos.consultar))


@st.cache_data(show_spinner=False, max_entries=4)
def _pdf(version: tuple, clave: str, _filtros: Filtros) -> bytes:
    pdf = a_pdf(_html(version, clave, _filtros))
    return pdf or b"No se pudo generar el PDF; descargue el informe en HTML."


def boton(filtros: Filtros) -> None:
    """Los botones de descarga, con nombre de archivo que dice qué se filtró y cuándo."""
    version, clave = conexion.version_bd(), repr(filtros)
    base = f"informe_{dt.date.today().isoformat()}"
    columnas = st.columns([1, 1, 3]) if hay_chromium() else st.columns([1, 4])
    with columnas[0]:
        st.download_button(
            "Descargar informe",
            data=lambda: _html(version, clave, filtros).encode("utf-8"),
            file_name=filtros.nombre_archivo(base, "html"),
            mime="text/html",
            icon=":material/summarize:",
            key="informe_html",
            on_click="ignore",  # descargar no recorre la página otra vez
            help="Un archivo HTML con cifras, gráficos interactivos y la lista de eventos con sus fuentes. "
            "Se abre en cualquier navegador, sin internet.",
        )
    if hay_chromium():
        with columnas[1]:
            st.download_button(
                "Descargar informe (PDF)",
                data=lambda: _pdf(version, clave, filtros),
                file_name=filtros.nombre_archivo(base, "pdf"),
                mime="application/pdf",
                icon=":material/picture_as_pdf:",
                key="informe_pdf",
                on_click="ignore",
            )
