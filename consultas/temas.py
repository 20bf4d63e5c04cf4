"""Temas a lo largo del tiempo y por departamento."""

from __future__ import annotations

import pandas as pd

from consultas.ejecucion import tabla
from consultas.filtros import Filtros
from consultas.linea_tiempo import unidad


def temas_por_periodo(f: Filtros, granularidad: str = "mes") -> pd.DataFrame:
    """periodo, tema, eventos (un evento cuenta en cada uno de sus temas)."""
    return tabla("temas_por_periodo", f, [unidad(granularidad)])


def temas_por_region(f: Filtros) -> pd.DataFrame:
    """tema, region, eventos (solo eventos en un departamento del Perú)."""
    return tabla("temas_por_region", f)
