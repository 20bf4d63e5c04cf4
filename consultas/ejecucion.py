"""Ejecuta una consulta de `consultas/sql/` con los filtros y parámetros enlazados.

Cada archivo SQL escribe `{donde}` donde va la condición de `Filtros.donde()`
(sobre `eventos e`) y `?` para los demás valores. Aquí se reemplaza `{donde}`
por esa condición —que solo contiene nombres fijos y `?`— y se arma la lista
de parámetros en el orden en que aparecen. Ningún valor se interpola.

Sin filtros, si existe `<nombre>_todos.sql` se usa ese: la misma respuesta sin
el semi-join contra todos los eventos (o leída de un mart precalculado), que a
un millón de eventos es lo que más cuesta.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import duckdb
import pandas as pd

from consultas.conexion import CARPETA_SQL, cargar_sql, cursor_del_hilo
from consultas.filtros import Filtros

_MARCA = "{donde}"
# Línea con que un .sql declara que todas sus marcas filtran marts hechos_* (traen `temas_bits`).
_DECLARA_HECHOS = "-- filtros sobre hechos_*"
_MARTS_CON_BITS = ("hechos_evento", "hechos_organizacion", "hechos_tema", "hechos_par")
_SQL_MASCARA = (
    "SELECT count(*), count(bit), bit_or(CAST(1 AS UBIGINT) << bit),"
    " (SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database()"
    " AND column_name = 'temas_bits'"
    " AND table_name IN ('hechos_evento', 'hechos_organizacion', 'hechos_tema', 'hechos_par'))"
    " FROM bit_tema WHERE tema IN (SELECT unnest(CAST(? AS VARCHAR[])))"
)
# Literales, comentarios y marcas `?`: solo las marcas fuera de literales cuentan.
_TOKENS = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|\?")


def _contar_marcas(sql: str) -> int:
    return sum(1 for t in _TOKENS.findall(sql) if t == "?")


@lru_cache(maxsize=128)
def _hay_variante_sin_filtros(nombre: str) -> bool:
    return (CARPETA_SQL / f"{nombre}_todos.sql").is_file()


def _variante(nombre: str, filtros: Filtros | None) -> str:
    if filtros is not None and filtros.es_vacio() and _hay_variante_sin_filtros(nombre):
        return f"{nombre}_todos"
    return nombre


def _mascara_temas(c: duckdb.DuckDBPyConnection, temas: Sequence[str]) -> int | None:
    """Bits (de bit_tema) de los temas elegidos; None si la base no trae esos marts o algún tema no tiene bit."""
    try:
        hay, con_bit, mascara, columnas = c.execute(_SQL_MASCARA, [list(temas)]).fetchone()
    except duckdb.Error:  # base anterior sin bit_tema: semi-join de siempre
        return None
    if columnas != len(_MARTS_CON_BITS) or hay != con_bit:
        return None
    return int(mascara or 0)


def preparar(
    nombre: str, filtros: Filtros | None, extras: Sequence = (), c: duckdb.DuckDBPyConnection | None = None
) -> tuple[str, list]:
    """SQL final y parámetros: `extras` son los `?` propios del archivo, en orden.

    Si el archivo declara `-- filtros sobre hechos_*` (todas sus marcas filtran marts hechos_*)
    y hay filtro de tema, con el cursor `c` se usa la prueba de bits en vez del semi-join.
    """
    nombre = _variante(nombre, filtros)
    plantilla = cargar_sql(nombre)
    trozos = plantilla.split(_MARCA)
    if len(trozos) > 1 and filtros is None:
        raise ValueError(f"La consulta {nombre} necesita filtros")
    mascara = None
    if c is not None and filtros is not None and filtros.tema and _DECLARA_HECHOS in plantilla:
        mascara = _mascara_temas(c, filtros.tema)
    condicion, params_filtro = (filtros or Filtros()).donde("e", mascara_temas=mascara, listas_como_semijoin=True)
    params: list = []
    pendientes = list(extras)
    for i, trozo in enumerate(trozos):
        n = _contar_marcas(trozo)
        if n > len(pendientes):
            raise ValueError(f"Faltan parámetros para la consulta {nombre}")
        params.extend(pendientes[:n])
        del pendientes[:n]
        if i < len(trozos) - 1:
            params.extend(params_filtro)
    if pendientes:
        raise ValueError(f"Sobran parámetros para la consulta {nombre}")
    return condicion.join(trozos), params


def tabla(nombre: str, filtros: Filtros | None = None, extras: Sequence = ()) -> pd.DataFrame:
    """Resultado como DataFrame (fechas datetime64, conteos int64, textos str)."""
    c = cursor_del_hilo()
    sql, params = preparar(nombre, filtros, extras, c)
    return c.execute(sql, params).df()


def columnas(nombre: str, filtros: Filtros | None = None, extras: Sequence = ()) -> dict:
    """Resultado como arreglos de numpy por columna (para contar en Python sin armar filas).

    Pasa por Arrow y no por `fetchnumpy`: a un millón, las 4,2 M participaciones llegan en ~30 ms en vez de
    ~190 ms. Para columnas sin nulos (una con nulos llegaría como float con NaN); los arreglos pueden ser de
    solo lectura.
    """
    c = cursor_del_hilo()
    sql, params = preparar(nombre, filtros, extras, c)
    c.complete()  # un resultado a medio leer en el cursor del hilo (un `fetchone`) impediría `sql`
    tabla_arrow = c.sql(sql, params=params).to_arrow_table()  # `execute(...).to_arrow_table()` copia otra vez
    return {campo: columna.to_numpy() for campo, columna in zip(tabla_arrow.column_names, tabla_arrow.columns,
                                                                strict=True)}


def filas(nombre: str, filtros: Filtros | None = None, extras: Sequence = ()) -> list[tuple]:
    """Resultado como lista de tuplas (para resultados pequeños)."""
    c = cursor_del_hilo()
    sql, params = preparar(nombre, filtros, extras, c)
    return c.execute(sql, params).fetchall()
