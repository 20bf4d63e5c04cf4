"""Acceso a consultas/ con caché de Streamlit.

La clave de cada resultado incluye la versión del archivo de la base (inodo, mtime, tamaño): cuando
`python -m datos construir` reemplaza la base, las entradas viejas dejan de usarse sin reiniciar el tablero.
Las páginas nunca abren DuckDB: solo llaman a estas funciones.
"""

from __future__ import annotations

import importlib
from typing import Any

import streamlit as st

from consultas import conexion
from consultas.filtros import Filtros

_MAX_ENTRADAS = 1024


@st.cache_data(show_spinner=False, max_entries=_MAX_ENTRADAS)
def _consultar(
    funcion: str, version: tuple, clave_filtros: str | None, _filtros: Filtros | None, args: tuple, kwargs: tuple
) -> Any:
    modulo, nombre = funcion.rsplit(".", 1)
    fn = getattr(importlib.import_module(f"consultas.{modulo}"), nombre)
    if _filtros is None:
        return fn(*args, **dict(kwargs))
    return fn(_filtros, *args, **dict(kwargs))


def consultar(funcion: str, filtros: Filtros | None = None, *args: Any, **kwargs: Any) -> Any:
    """Llama a `consultas.<modulo>.<funcion>` (p. ej. "resumen.cifras") cacheando por versión de base y filtros.

    Los Filtros son inmutables y su repr es determinista: sirve de clave sin depender de cómo Streamlit
    hashea dataclasses.
    """
    clave = repr(filtros) if filtros is not None else None
    return _consultar(funcion, conexion.version_bd(), clave, filtros, tuple(args), tuple(sorted(kwargs.items())))


@st.cache_resource(show_spinner=False)
def _precalentado(version: tuple) -> bool:
    del version  # solo es la clave: una vez por versión de la base
    from consultas import coparticipacion

    coparticipacion.precalentar()
    return True


def precalentar() -> None:
    """Una vez por versión de la base, lo caro de una primera visita se prepara en segundo plano."""
    _precalentado(conexion.version_bd())


def opciones():
    """Valores conocidos para los filtros (cacheados por versión de base)."""
    return consultar("opciones.opciones")


def hay_base() -> bool:
    """¿Existe el archivo de la base que indica ARTICULA_DB?"""
    return conexion.hay_base()


def limpiar_cache() -> None:
    """Descarta todos los resultados cacheados (p. ej. tras construir la base desde el tablero)."""
    _consultar.clear()
