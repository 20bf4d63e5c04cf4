"""Extracción en todos los núcleos: un pool de procesos que lee, hashea y extrae grupos de archivos.

Las corridas pequeñas (menos de `UMBRAL_POOL` notas estimadas) se procesan en el mismo
proceso: arrancar el pool cuesta más que lo que ahorra. El pool usa `forkserver`: los
trabajadores no heredan los hilos de DuckDB ni los del tablero. A lo sumo
`EN_VUELO_POR_PROCESO` grupos por trabajador esperan a la vez (memoria acotada).
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator

from datos.extraccion import extractor
from datos.extraccion.modelos import NotaCruda, Rechazo

UMBRAL_POOL = 200
EN_VUELO_POR_PROCESO = 3
MOTIVO_ERROR_EXTRACCION = "error interno al extraer la nota"


def extraer_seguro(nota: NotaCruda) -> dict | Rechazo:
    """`extraer()` sin excepciones: un fallo en una nota se vuelve rechazo y el lote sigue."""
    try:
        return extractor.extraer(nota)
    except Exception as e:  # noqa: BLE001 - cualquier fallo de una nota no debe tumbar la corrida
        return Rechazo(nota.archivo, MOTIVO_ERROR_EXTRACCION, f"{type(e).__name__}: {e}"[:500])


def _inicializar(entorno: dict[str, str], contexto) -> None:  # noqa: ANN001 - paquete.Contexto
    # El servidor forkserver pudo arrancar con otro entorno: se fijan las variables de Articula actuales.
    for clave in [k for k in os.environ if k.startswith("ARTICULA_")]:
        os.environ.pop(clave, None)
    os.environ.update(entorno)
    from datos.almacen import paquete

    paquete.fijar_contexto(contexto)


class Ejecutor:
    """Procesa grupos (`paquete.procesar`) en orden; con `procesos > 1`, en un pool de procesos."""

    def __init__(self, procesos: int, contexto) -> None:  # noqa: ANN001 - paquete.Contexto
        from datos.almacen import paquete

        self.procesos = max(1, procesos)
        self._contexto = contexto
        self._pool = None
        if self.procesos > 1:
            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(["datos.almacen.paquete"])
            entorno = {k: v for k, v in os.environ.items() if k.startswith("ARTICULA_")}
            self._pool = ctx.Pool(self.procesos, initializer=_inicializar, initargs=(entorno, contexto))
        else:
            paquete.fijar_contexto(contexto)

    def mapear(self, grupos: Iterable[list]) -> Iterator:
        """Paquetes en el orden de los grupos; no lee más grupos de los que caben en vuelo."""
        from datos.almacen import paquete

        if self._pool is None:
            for grupo in grupos:
                yield paquete.procesar(grupo)
            return
        en_vuelo: deque = deque()
        for grupo in grupos:
            en_vuelo.append(self._pool.apply_async(paquete.procesar, (grupo,)))
            if len(en_vuelo) >= self.procesos * EN_VUELO_POR_PROCESO:
                yield en_vuelo.popleft().get()
        while en_vuelo:
            yield en_vuelo.popleft().get()

    def cerrar(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
        else:
            from datos.almacen import paquete

            paquete.fijar_contexto(paquete.Contexto())

    def abortar(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
        else:
            from datos.almacen import paquete

            paquete.fijar_contexto(paquete.Contexto())
