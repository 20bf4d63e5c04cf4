"""Acceso de administración: las páginas Cargar notas y Curaduría solo existen con la clave ingresada.

La clave se configura en la variable `ARTICULA_CLAVE_ADMIN` o como `clave_admin` en los secretos de
Streamlit. Sin clave configurada no hay formulario ni páginas de administración. La comparación es de tiempo
constante y tras varios intentos fallidos la sesión espera antes de aceptar otro.
"""

from __future__ import annotations

import hmac
import os
import time

import streamlit as st

_ADMIN = "_articula_admin"
_FALLOS = "_articula_admin_fallos"
_BLOQUEO = "_articula_admin_bloqueo"
INTENTOS = 5
ESPERA_SEGUNDOS = 300


def clave_configurada() -> str | None:
    """La clave de administración, o None si no hay ninguna configurada."""
    propia = os.environ.get("ARTICULA_CLAVE_ADMIN")
    if propia:
        return propia
    try:
        valor = st.secrets.get("clave_admin")
    except Exception:  # noqa: BLE001 - sin archivo de secretos Streamlit levanta errores distintos según versión
        return None
    return str(valor) if valor else None


def es_admin() -> bool:
    """¿Esta sesión ingresó la clave vigente?"""
    clave = clave_configurada()
    return bool(clave) and st.session_state.get(_ADMIN) == _huella(clave)


def _huella(clave: str) -> str:
    import hashlib

    return hashlib.sha256(("articula:" + clave).encode("utf-8")).hexdigest()


def _ingresar() -> None:
    clave = clave_configurada()
    dada = st.session_state.get("admin_clave", "") or ""
    st.session_state["admin_clave"] = ""
    if not clave:
        return
    if time.monotonic() < st.session_state.get(_BLOQUEO, 0.0):
        st.session_state["admin_mensaje"] = "Demasiados intentos fallidos. Espere unos minutos."
        return
    if hmac.compare_digest(dada.encode("utf-8"), clave.encode("utf-8")):
        st.session_state[_ADMIN] = _huella(clave)
        st.session_state[_FALLOS] = 0
        st.session_state["admin_mensaje"] = ""
        return
    fallos = st.session_state.get(_FALLOS, 0) + 1
    st.session_state[_FALLOS] = fallos
    if fallos >= INTENTOS:
        st.session_state[_BLOQUEO] = time.monotonic() + ESPERA_SEGUNDOS
        st.session_state[_FALLOS] = 0
    st.session_state["admin_mensaje"] = "Clave incorrecta."


def _salir() -> None:
    st.session_state.pop(_ADMIN, None)


def formulario() -> None:
    """En la barra lateral: ingresar o salir de la administración (nada si no hay clave configurada)."""
    if not clave_configurada():
        return
    with st.sidebar.expander("Administración", icon=":material/admin_panel_settings:", expanded=False):
        if es_admin():
            st.caption("Sesión de administración activa: puede cargar notas y curar el catálogo.")
            st.button("Salir de administración", key="admin_salir", on_click=_salir)
            return
        st.text_input("Clave de administración", type="password", key="admin_clave")
        st.button("Ingresar", key="admin_ingresar", on_click=_ingresar)
        mensaje = st.session_state.get("admin_mensaje")
        if mensaje:
            st.error(mensaje)


def paginas() -> list:
    """Las páginas de administración para `st.navigation`: vacía si esta sesión no ingresó la clave."""
    if not es_admin():
        return []
    return [
        st.Page("paginas/cargar.py", title="Cargar notas", icon=":material/upload_file:", url_path="cargar"),
        st.Page("paginas/curaduria.py", title="Curaduría", icon=":material/rule:", url_path="curaduria"),
    ]
