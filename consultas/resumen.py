"""Consultas de la página Resumen: cifras clave, socios principales, últimos eventos."""

from __future__ import annotations

import numpy as np
import pandas as pd

from consultas import coparticipacion
from consultas.ejecucion import columnas, tabla
from consultas.filtros import Filtros

_CIFRAS = ["eventos", "organizaciones", "oficinas", "regiones", "paises"]


def cifras(f: Filtros) -> pd.DataFrame:
    """Una fila: eventos, organizaciones, oficinas, regiones, paises (del exterior)."""
    if coparticipacion.cuenta_en_memoria(f):
        return _cifras_con_incidencia(f, None)[True]
    return tabla("cifras", f)


def _cifras_con_incidencia(f: Filtros, anio_actual: int | None) -> dict[bool, pd.DataFrame]:
    """{actual: cifras} con las organizaciones contadas en la incidencia (filtro de organización: ver
    `coparticipacion.cuenta_en_memoria`); un periodo sin eventos da ceros, como el SQL."""
    datos = columnas("cifras_eventos", f, [anio_actual])  # por Arrow: los ids llegan como arreglos, sin listas
    salida = {actual: pd.DataFrame([[0] * len(_CIFRAS)], columns=_CIFRAS, dtype=np.int64) for actual in (True, False)}
    for i, actual in enumerate(datos["actual"]):
        organizaciones = coparticipacion.organizaciones_distintas(datos["ids"][i])
        salida[bool(actual)] = pd.DataFrame([[datos["eventos"][i], organizaciones, datos["oficinas"][i],
                                              datos["regiones"][i], datos["paises"][i]]], columns=_CIFRAS,
                                            dtype=np.int64)
    return salida


def cifras_con_anterior(f: Filtros) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """(cifras(f), cifras(f.periodo_anterior()) o None sin rango de años): una sola lectura para las dos."""
    anterior = f.periodo_anterior()
    if anterior is None:
        return cifras(f), None
    if coparticipacion.cuenta_en_memoria(f):
        ambos = _cifras_con_incidencia(f.con(anio_desde=anterior.anio_desde), f.anio_desde)
        return ambos[True], ambos[False]
    ambos = tabla("cifras_con_anterior", f.con(anio_desde=anterior.anio_desde), [f.anio_desde, f.anio_desde])
    partes = [ambos[ambos["actual"] == actual].drop(columns="actual").reset_index(drop=True)
              for actual in (True, False)]
    return partes[0], partes[1]


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
