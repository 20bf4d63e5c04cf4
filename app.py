"""Tablero Articula: punto de entrada de Streamlit (`streamlit run app.py`).

Aquí se arma la navegación, la barra de filtros común a todas las páginas y, si falta la base, se construye
con las notas incluidas (es el único lugar del tablero que escribe una base).
"""

from __future__ import annotations

import threading

import streamlit as st

from consultas import conexion
from paginas import _acceso, _datos, _filtros

_candado_construccion = threading.Lock()

st.set_page_config(
    page_title="Articula · Cancillería del Perú",
    page_icon="🤝",
    layout="wide",
    initial_sidebar_state="expanded",
)


def _construir_base() -> str | None:
    """Construye la base con las notas incluidas; devuelve un mensaje de error o None si quedó lista."""
    with _candado_construccion:
        if conexion.hay_base():
            return None
        try:
            from datos.almacen.construir import construir
        except ImportError as error:  # la capa de datos aún no trae el constructor
            return f"No se pudo cargar el constructor de la base ({error})."
        try:
            construir(None, conexion.ruta_bd(), progreso=False)  # None = las notas incluidas
        except Exception as error:  # noqa: BLE001 - se informa al usuario en español
            return f"La construcción falló: {error}"
    _datos.limpiar_cache()
    return None


def _base_lista() -> bool:
    if conexion.hay_base():
        return True
    with st.spinner("Preparando la base de datos con las notas incluidas (solo la primera vez)…"):
        error = _construir_base()
    if error is None and conexion.hay_base():
        return True
    st.title("Articula")
    st.error(
        f"No se encontró la base de datos en `{conexion.ruta_bd()}` y no se pudo crear automáticamente. "
        + (error or "")
    )
    st.markdown("Constrúyala desde la carpeta del proyecto con:")
    st.code(".venv/bin/python -m datos construir", language="bash")
    st.markdown("y vuelva a cargar esta página. Para usar otra base, defina la variable `ARTICULA_DB`.")
    return False


PAGINAS = [
    st.Page("paginas/resumen.py", title="Resumen", icon=":material/dashboard:", url_path="resumen", default=True),
    st.Page("paginas/linea_de_tiempo.py", title="Línea de tiempo", icon=":material/timeline:",
            url_path="linea-de-tiempo"),
    st.Page("paginas/regiones.py", title="Regiones", icon=":material/map:", url_path="regiones"),
    st.Page("paginas/coparticipacion.py", title="Coparticipación", icon=":material/hub:",
            url_path="coparticipacion"),
    st.Page("paginas/temas.py", title="Temas", icon=":material/label:", url_path="temas"),
    st.Page("paginas/organizaciones.py", title="Organizaciones", icon=":material/apartment:",
            url_path="organizaciones"),
    st.Page("paginas/explorador.py", title="Explorador", icon=":material/table_view:", url_path="explorador"),
    st.Page("paginas/calidad.py", title="Calidad de datos", icon=":material/fact_check:", url_path="calidad"),
    st.Page("paginas/acerca.py", title="Acerca de", icon=":material/info:", url_path="acerca"),
]


def main() -> None:
    """Una ejecución del tablero: base → filtros → avisos → página elegida."""
    if not _base_lista():
        return
    _datos.precalentar()  # la co-participación lee su incidencia en un hilo mientras se dibuja esta página
    navegacion = st.navigation(PAGINAS + _acceso.paginas())  # admin: solo con la clave ingresada
    opciones = _datos.opciones()
    with st.sidebar:
        st.title("Articula", anchor=False)
        st.caption("Articulación interinstitucional de la Cancillería del Perú según sus notas de prensa.")
    _filtros.barra_lateral(opciones)
    _acceso.formulario()
    if opciones.hay_sinteticas:
        st.warning(
            "**Atención:** esta base contiene notas **sintéticas** (generadas para pruebas de rendimiento). "
            "Las cifras no describen la actividad real de la Cancillería.",
            icon=":material/science:",
        )
    for aviso in _filtros.avisos_url():
        st.warning(f"Filtro de la dirección ignorado: {aviso}", icon=":material/link_off:")
    navegacion.run()


main()
