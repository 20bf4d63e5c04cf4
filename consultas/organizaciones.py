"""Perfil de una organización: su ficha, su actividad en el tiempo, dónde, en qué temas y sus eventos."""

from __future__ import annotations

from typing import Any

import pandas as pd

from consultas.ejecucion import tabla
from consultas.filtros import Filtros
from consultas.linea_tiempo import unidad


def perfil(f: Filtros, organizacion: str) -> dict[str, Any]:
    """nombre, sigla, tipo, en_catalogo, eventos, primera_fecha, ultima_fecha; `{}` si no existe."""
    resultado = tabla("perfil_organizacion", f, [organizacion, organizacion])
    if resultado.empty:
        return {}
    fila = resultado.iloc[0].to_dict()
    fila["eventos"] = int(fila["eventos"])
    fila["en_catalogo"] = bool(fila["en_catalogo"])
    for campo in ("primera_fecha", "ultima_fecha"):
        fila[campo] = None if pd.isna(fila[campo]) else pd.Timestamp(fila[campo]).date()
    for campo in ("sigla", "tipo"):
        if pd.isna(fila[campo]):
            fila[campo] = None
    return fila


def linea_organizacion(f: Filtros, organizacion: str, granularidad: str = "mes") -> pd.DataFrame:
    """periodo, eventos de la organización (eventos con fecha)."""
    return tabla("linea_organizacion", f, [unidad(granularidad), organizacion])


def regiones_organizacion(f: Filtros, organizacion: str) -> pd.DataFrame:
    """region, eventos ("Exterior" para el extranjero, "Sin dato" si no se sabe)."""
    return tabla("regiones_organizacion", f, [organizacion])


def temas_organizacion(f: Filtros, organizacion: str) -> pd.DataFrame:
    """tema, eventos de la organización."""
    return tabla("temas_organizacion", f, [organizacion])


def eventos_organizacion(f: Filtros, organizacion: str, limite: int | None = None) -> pd.DataFrame:
    """evento_id, fecha, titulo, oficina, region, mencion, evidencia: del más reciente al más antiguo."""
    return tabla("eventos_organizacion", f, [organizacion, None if limite is None else max(0, int(limite))])
