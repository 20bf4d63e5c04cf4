"""Recalcula los marts (`datos/esquema/marts/*.sql`) al final de cada construcción.

Cada mart es un modelo `<nombre>.sql` (`CREATE OR REPLACE TABLE ... AS SELECT`, cálculo
completo) y puede traer `<nombre>.incremental.sql`, que solo suma lo de los eventos
nuevos (la tabla temporal `_construccion.primer_evento_nuevo` dice desde qué id).
El incremental se usa cuando la base ya tenía eventos y el modelo no cambió desde el
último cálculo completo (huella en `marts_estado`); si no, se recalcula entero.
Sin eventos nuevos no se toca nada.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import duckdb

from datos.almacen import esquema


def _incremental(modelo: Path) -> Path | None:
    archivo = modelo.with_name(modelo.stem + ".incremental.sql")
    return archivo if archivo.exists() else None


def _huella(*archivos: Path | None) -> str:
    h = hashlib.blake2b(digest_size=16)
    for a in archivos:
        h.update(a.read_bytes() if a else b"-")
    return h.hexdigest()


def refrescar(
    con: duckdb.DuckDBPyConnection, primer_evento_nuevo: int | None = None, eventos_nuevos: int | None = None
) -> dict[str, str]:
    """Actualiza cada mart; devuelve {nombre: "completo" | "incremental" | "sin cambios"}.

    `primer_evento_nuevo=None` fuerza el cálculo completo de todos.
    """
    tablas = {t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()}
    previas = dict(con.execute("SELECT nombre, huella FROM marts_estado").fetchall())
    if primer_evento_nuevo is not None:
        con.execute("CREATE OR REPLACE TEMP TABLE _construccion AS SELECT ?::BIGINT AS primer_evento_nuevo",
                    [primer_evento_nuevo])  # fmt: skip
    hechos: dict[str, str] = {}
    recalculados: list[str] = []  # un mart recalculado entero arrastra a los que lo mencionan en su SQL
    for modelo in esquema.archivos_marts():
        nombre = modelo.stem
        incremental = _incremental(modelo)
        huella = _huella(modelo, incremental)
        textos = modelo.read_text(encoding="utf-8") + (incremental.read_text(encoding="utf-8") if incremental else "")
        depende = any(re.search(rf"\b{re.escape(r)}\b", textos) for r in recalculados)
        vigente = nombre in tablas and previas.get(nombre) == huella and not depende
        if vigente and primer_evento_nuevo is not None and eventos_nuevos == 0:
            hechos[nombre] = "sin cambios"
            continue
        if vigente and primer_evento_nuevo is not None and incremental is not None:
            con.execute(incremental.read_text(encoding="utf-8"))
            hechos[nombre] = "incremental"
        else:
            con.execute(modelo.read_text(encoding="utf-8"))
            hechos[nombre] = "completo"
            recalculados.append(nombre)
        con.execute(
            "INSERT OR REPLACE INTO marts_estado (nombre, huella, actualizado) VALUES (?, ?, current_timestamp)",
            [nombre, huella],
        )
    return hechos
