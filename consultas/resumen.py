"""Consultas de la página Resumen: cifras clave, socios principales, últimos eventos."""

from __future__ import annotations

import pandas as pd

from consultas.ejecucion import tabla
from consultas.filtros import Filtros


def cifras(f: Filtros) -> pd.DataFrame:
    """Una fila: eventos, organizaciones, oficinas, regiones, paises (del exterior)."""
    return tabla("cifras", f)


def socios_principales(f: Filtros, n: int = 10) -> pd.DataFrame:
    """organizacion, sigla, tipo, eventos: las n organizaciones con más eventos."""
    return tabla("socios_principales", f, [int(n)])


def ultimos_eventos(f: Filtros, n: int = 10) -> pd.DataFrame:
    """evento_id, fecha, titulo, oficina, region, pais, tipo_evento: los n más recientes."""
    return tabla("ultimos_eventos", f, [int(n)])
