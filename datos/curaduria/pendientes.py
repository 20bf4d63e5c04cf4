"""Organizaciones fuera del catálogo según la base (para la CLI; el tablero usa `consultas/curaduria.py`)."""

from __future__ import annotations

import os

import duckdb

from datos.almacen.ruta import ruta_bd as resolver_ruta
from datos.curaduria.catalogo import clave, ignoradas

_SQL = """
SELECT o.nombre, o.sigla, o.tipo, count(DISTINCT eo.evento_id) AS notas,
       list(DISTINCT eo.evidencia ORDER BY eo.evidencia)[1:3] AS oraciones
FROM organizaciones o JOIN evento_organizacion eo USING (organizacion_id)
WHERE NOT o.en_catalogo
GROUP BY ALL
ORDER BY notas DESC, o.nombre
"""


def pendientes(ruta_bd: str | os.PathLike | None = None) -> list[dict]:
    """nombre, sigla, tipo, notas, oraciones de cada organización fuera del catálogo no ignorada."""
    ruta = resolver_ruta(ruta_bd)
    if not ruta.is_file():
        return []
    fuera = {clave(n) for n in ignoradas()}
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH ? AS base (READ_ONLY)", [str(ruta)])
        con.execute("USE base")
        filas = con.execute(_SQL).fetchall()
    finally:
        con.close()
    columnas = ("nombre", "sigla", "tipo", "notas", "oraciones")
    return [dict(zip(columnas, f, strict=True)) for f in filas if clave(f[0]) not in fuera]
