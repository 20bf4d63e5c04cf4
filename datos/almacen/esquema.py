"""Aplica el DDL de `datos/esquema/` (tablas) y ubica los modelos de `datos/esquema/marts/`."""

from __future__ import annotations

from pathlib import Path

import duckdb

CARPETA_ESQUEMA = Path(__file__).resolve().parent.parent / "esquema"
CARPETA_MARTS = CARPETA_ESQUEMA / "marts"


def archivos_tablas() -> list[Path]:
    """DDL de tablas en orden de nombre (el prefijo numérico fija el orden)."""
    return sorted(CARPETA_ESQUEMA.glob("*.sql"))


def archivos_marts() -> list[Path]:
    """Modelos `CREATE OR REPLACE TABLE ... AS SELECT` que se recalculan al final de cada construcción."""
    return sorted(p for p in CARPETA_MARTS.glob("*.sql") if not p.name.endswith(".incremental.sql"))


def aplicar(con: duckdb.DuckDBPyConnection) -> None:
    """Crea las tablas que falten (el DDL usa `IF NOT EXISTS`: aplicarlo dos veces no cambia nada)."""
    for archivo in archivos_tablas():
        con.execute(archivo.read_text(encoding="utf-8"))
