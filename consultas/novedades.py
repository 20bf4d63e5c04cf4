"""Novedades del periodo: organizaciones que aparecen por primera vez, regiones sin actividad reciente y
pares de organizaciones en alza frente al periodo anterior.

El periodo sale de los años filtrados; sin años, son los últimos 12 meses con datos. Los demás filtros
(región, organización, ...) se aplican siempre: "nueva en Tumbes" es nueva entre los eventos de Tumbes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from consultas import coparticipacion
from consultas.ejecucion import filas, tabla
from consultas.filtros import Filtros
from consultas.geografia import departamentos

MESES_SIN_ACTIVIDAD = 6


@dataclass(frozen=True)
class Periodo:
    desde: dt.date
    hasta: dt.date
    anterior_desde: dt.date
    anterior_hasta: dt.date
    referencia: dt.date  # fin del periodo o última fecha con datos, lo que sea antes

    def texto(self) -> str:
        return f"{self.desde:%d/%m/%Y}–{self.hasta:%d/%m/%Y}"

    def texto_anterior(self) -> str:
        return f"{self.anterior_desde:%d/%m/%Y}–{self.anterior_hasta:%d/%m/%Y}"


def _sin_anios(f: Filtros) -> Filtros:
    return f.con(anio_desde=None, anio_hasta=None)


def restar_meses(fecha: dt.date, meses: int) -> dt.date:
    mes = fecha.month - meses
    anio = fecha.year + (mes - 1) // 12
    mes = (mes - 1) % 12 + 1
    dias = [31, 29 if anio % 4 == 0 and (anio % 100 or anio % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31,
            30, 31][mes - 1]
    return dt.date(anio, mes, min(fecha.day, dias))


def periodo(f: Filtros) -> Periodo | None:
    """El periodo de las novedades y el anterior, del mismo largo; None si no hay eventos con fecha."""
    maxima = filas("novedades_fecha_max", _sin_anios(f))[0][0]
    return None if maxima is None else periodo_con_maxima(f, maxima)


def periodo_con_maxima(f: Filtros, maxima: dt.date) -> Periodo:
    """El periodo, dada la última fecha con datos (aparte: la línea base del benchmark la calcula en pandas)."""
    if f.anio_desde is None and f.anio_hasta is None:
        hasta = maxima
        desde = restar_meses(hasta, 12) + dt.timedelta(days=1)
        anterior_hasta = desde - dt.timedelta(days=1)
        anterior_desde = restar_meses(desde, 12)
    else:
        inicio = f.anio_desde if f.anio_desde is not None else f.anio_hasta
        fin = f.anio_hasta if f.anio_hasta is not None else max(inicio, maxima.year)
        desde, hasta = dt.date(inicio, 1, 1), dt.date(fin, 12, 31)
        largo = fin - inicio + 1
        anterior_desde, anterior_hasta = dt.date(inicio - largo, 1, 1), dt.date(inicio - 1, 12, 31)
    return Periodo(desde, hasta, anterior_desde, anterior_hasta, min(hasta, maxima))


@dataclass(frozen=True)
class Novedades:
    """Lo que muestra la sección: el periodo (None si no hay eventos con fecha) y sus tres tablas."""

    periodo: Periodo | None
    organizaciones: pd.DataFrame
    pares: pd.DataFrame
    regiones: pd.DataFrame


def seccion(f: Filtros, n: int = 10) -> Novedades:
    """Las tres tablas con el periodo calculado una vez (cada función suelta vuelve a buscar la última fecha)."""
    p = periodo(f)
    return Novedades(p, _organizaciones_nuevas(f, p, n), _pares_en_alza(f, p, n),
                     _regiones_sin_actividad(f, p, MESES_SIN_ACTIVIDAD))


def organizaciones_nuevas(f: Filtros, n: int = 10) -> pd.DataFrame:
    """organizacion, sigla, tipo, en_catalogo, primera_fecha, eventos: las que aparecen por primera vez."""
    return _organizaciones_nuevas(f, periodo(f), n)


def regiones_sin_actividad(f: Filtros, meses: int = MESES_SIN_ACTIVIDAD) -> pd.DataFrame:
    """region, ultima_fecha (None si nunca tuvo): departamentos sin eventos en los últimos `meses` del periodo."""
    return _regiones_sin_actividad(f, periodo(f), meses)


def pares_en_alza(f: Filtros, n: int = 10) -> pd.DataFrame:
    """organizacion_a, organizacion_b, eventos, eventos_anterior, alza: más trabajo conjunto que antes."""
    return _pares_en_alza(f, periodo(f), n)


def _organizaciones_nuevas(f: Filtros, p: Periodo | None, n: int) -> pd.DataFrame:
    if p is None:
        return tabla("novedades_organizaciones", _sin_anios(f), [None, None, None, None, 0])
    # Con filtro de organización, contadas en numpy con la incidencia de co-participación; si no, en SQL.
    contadas = coparticipacion.organizaciones_nuevas(_sin_anios(f), p.desde, p.hasta, n)
    return organizaciones_nuevas_sql(f, p, n) if contadas is None else contadas


def organizaciones_nuevas_sql(f: Filtros, p: Periodo, n: int) -> pd.DataFrame:
    """Lo mismo que `_organizaciones_nuevas`, entero en SQL sobre hechos_organizacion (la referencia)."""
    return tabla("novedades_organizaciones", _sin_anios(f), [p.desde, p.hasta, p.hasta, p.desde, int(n)])


def _regiones_sin_actividad(f: Filtros, p: Periodo | None, meses: int) -> pd.DataFrame:
    nombres, _ = departamentos()
    if f.region:
        nombres = [r for r in nombres if r in f.region]
    referencia = p.referencia if p is not None else dt.date.today()
    limite = restar_meses(referencia, meses)
    return tabla("novedades_regiones", _sin_anios(f), [nombres, limite, referencia])


def _pares_en_alza(f: Filtros, p: Periodo | None, n: int) -> pd.DataFrame:
    if p is None:
        return pares_en_alza_sql(f, p, n)
    # Con pocos eventos, contados en numpy con la incidencia de co-participación (el periodo anterior termina el
    # día antes de `desde`); con muchos, en SQL.
    contados = coparticipacion.alza_de_pares(_sin_anios(f), p.anterior_desde, p.desde, p.hasta, n)
    return pares_en_alza_sql(f, p, n) if contados is None else contados


def pares_en_alza_sql(f: Filtros, p: Periodo | None, n: int) -> pd.DataFrame:
    """Lo mismo que `_pares_en_alza`, entero en SQL sobre hechos_par (con muchos eventos es lo más rápido)."""
    if p is None:
        return tabla("novedades_pares", _sin_anios(f), [None, None, None, None, 0])
    extras = [p.desde, p.desde, p.anterior_desde, p.hasta, int(n)]  # el anterior termina el día antes de `desde`
    return tabla("novedades_pares", _sin_anios(f), extras)
