"""Consultas de la página Resumen: cifras clave, socios principales, últimos eventos."""

from __future__ import annotations

import pandas as pd

from consultas import coparticipacion
from consultas.ejecucion import tabla
from consultas.filtros import Filtros


def cifras(f: Filtros) -> pd.DataFrame:
    """Una fila: eventos, organizaciones, oficinas, regiones, paises (del exterior)."""
    return tabla("cifras", f)


def cifras_con_anterior(f: Filtros) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """(cifras(f), cifras(f.periodo_anterior()) o None sin rango de años): una sola lectura para las dos."""
    anterior = f.periodo_anterior()
    if anterior is None:
        return cifras(f), None
    ambos = tabla("cifras_con_anterior", f.con(anio_desde=anterior.anio_desde), [f.anio_desde, f.anio_desde])
    filas = [ambos[ambos["actual"] == actual].drop(columns="actual").reset_index(drop=True) for actual in (True, False)]
    return filas[0], filas[1]


def socios_principales(f: Filtros, n: int = 10) -> pd.DataFrame:
    """organizacion, sigla, tipo, eventos: las n organizaciones con más eventos.

    Con filtro de organización, contadas en numpy con la incidencia de co-participación (ver
    `coparticipacion.principales`); si no, en SQL (`socios_principales_sql`).
    """
    contadas = coparticipacion.principales(f, n)
    return socios_principales_sql(f, n) if contadas is None else contadas


def socios_principales_sql(f: Filtros, n: int = 10) -> pd.DataFrame:
    """Lo mismo que `socios_principales`, entero en SQL sobre hechos_organizacion (la referencia)."""
    return tabla("socios_principales", f, [int(n)])


def ultimos_eventos(f: Filtros, n: int = 10) -> pd.DataFrame:
    """evento_id, fecha, titulo, oficina, region, pais, tipo_evento: los n más recientes."""
    return tabla("ultimos_eventos", f, [int(n)])
