"""Extracción en todos los núcleos: un pool de procesos que trabaja por lotes.

Los lotes pequeños (menos de `UMBRAL_POOL` notas en toda la corrida) se extraen en
el mismo proceso: arrancar el pool cuesta más que lo que ahorra. El pool usa
`forkserver`: los trabajadores no heredan los hilos de DuckDB ni los del tablero.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Sequence

from datos.extraccion import extractor
from datos.extraccion.modelos import NotaCruda, Rechazo

UMBRAL_POOL = 200
MOTIVO_ERROR_EXTRACCION = "error interno al extraer la nota"


def extraer_seguro(nota: NotaCruda) -> dict | Rechazo:
    """`extraer()` sin excepciones: un fallo en una nota se vuelve rechazo y el lote sigue."""
    try:
        return extractor.extraer(nota)
    except Exception as e:  # noqa: BLE001 - cualquier fallo de una nota no debe tumbar la corrida
        return Rechazo(nota.archivo, MOTIVO_ERROR_EXTRACCION, f"{type(e).__name__}: {e}"[:500])


def _inicializar(entorno: dict[str, str]) -> None:
    # El servidor forkserver pudo arrancar con otro entorno: se fijan las variables de Articula actuales.
    for clave in [k for k in os.environ if k.startswith("ARTICULA_")]:
        os.environ.pop(clave, None)
    os.environ.update(entorno)


class _Listo:
    def __init__(self, valor: list) -> None:
        self._valor = valor

    def get(self) -> list:
        return self._valor


class Ejecutor:
    """Lanza lotes de notas a extraer; `lanzar()` no bloquea si hay pool, `get()` espera el resultado."""

    def __init__(self, procesos: int) -> None:
        self.procesos = max(1, procesos)
        self._pool = None
        if self.procesos > 1:
            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(["datos.extraccion.extractor"])
            entorno = {k: v for k, v in os.environ.items() if k.startswith("ARTICULA_")}
            self._pool = ctx.Pool(self.procesos, initializer=_inicializar, initargs=(entorno,))

    def lanzar(self, notas: Sequence[NotaCruda]):
        if self._pool is None or not notas:
            return _Listo([extraer_seguro(n) for n in notas])
        trozo = max(1, min(64, len(notas) // (self.procesos * 4)))
        return self._pool.map_async(extraer_seguro, notas, chunksize=trozo)

    def cerrar(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def abortar(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
