"""Recalcula los marts (`datos/esquema/marts/*.sql`) al final de cada construcción."""

from __future__ import annotations

import duckdb

from datos.almacen import esquema


def refrescar(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Ejecuta cada modelo `CREATE OR REPLACE TABLE ... AS SELECT`; devuelve los nombres recalculados."""
    hechos = []
    for archivo in esquema.archivos_marts():
        con.execute(archivo.read_text(encoding="utf-8"))
        hechos.append(archivo.stem)
    return hechos
