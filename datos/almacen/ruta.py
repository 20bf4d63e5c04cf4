"""Dónde vive la base: un solo criterio para la CLI, el tablero y las pruebas."""

from __future__ import annotations

import os
from pathlib import Path

RAIZ_DATOS = Path(__file__).resolve().parent.parent
RUTA_POR_DEFECTO = RAIZ_DATOS / "articula.duckdb"
NOTAS_POR_DEFECTO = RAIZ_DATOS / "notas"


def ruta_bd(explicita: str | os.PathLike | None = None) -> Path:
    """`--db` gana; si no, la variable `ARTICULA_DB`; si no, `datos/articula.duckdb`."""
    if explicita:
        return Path(explicita)
    entorno = os.environ.get("ARTICULA_DB")
    if entorno:
        return Path(entorno)
    return RUTA_POR_DEFECTO
