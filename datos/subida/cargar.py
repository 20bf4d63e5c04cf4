"""Carga a la base lo que se subió: construcción incremental en tandas para poder mostrar el avance.

Cada tanda es una construcción completa (copia, extracción, reemplazo atómico): el tablero ve la base
crecer tanda a tanda y nunca a medio escribir.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from datos.almacen.construir import construir
from datos.extraccion.modelos import Rechazo
from datos.subida.guardar import Subida

TANDAS_MAXIMAS = 5


@dataclass
class ResumenCarga:
    archivos: int = 0
    leidas: int = 0
    nuevas: int = 0
    duplicadas: int = 0
    rechazadas: int = 0
    motivos: Counter = field(default_factory=Counter)
    rechazos: list[Rechazo] = field(default_factory=list)  # los de la subida (ZIP, tipo, tamaño)
    eventos_en_base: int = 0
    segundos: float = 0.0


def _tandas(rutas: list, n: int) -> list[list]:
    n = max(1, min(n, len(rutas)))
    tam = -(-len(rutas) // n)
    return [rutas[i : i + tam] for i in range(0, len(rutas), tam)]


def cargar(
    subida: Subida,
    ruta_bd: str | os.PathLike | None = None,
    al_avanzar: Callable[[int, int], None] | None = None,
    procesos: int | None = None,
) -> ResumenCarga:
    """Construye con los archivos guardados; `al_avanzar(hechos, total)` se llama tras cada tanda."""
    inicio = time.monotonic()
    resumen = ResumenCarga(archivos=len(subida.guardados), rechazos=list(subida.rechazos))
    for r in subida.rechazos:
        resumen.rechazadas += 1
        resumen.motivos[r.motivo] += 1
    rutas = sorted(subida.guardados)
    hechos = 0
    for tanda in _tandas(rutas, TANDAS_MAXIMAS):
        parcial = construir(tanda, ruta_bd, procesos=procesos, progreso=False)
        resumen.leidas += parcial.leidas
        resumen.nuevas += parcial.nuevas
        resumen.duplicadas += parcial.duplicadas
        resumen.rechazadas += parcial.rechazadas
        resumen.motivos.update(parcial.motivos)
        resumen.eventos_en_base = parcial.eventos_en_base
        hechos += len(tanda)
        if al_avanzar is not None:
            al_avanzar(hechos, len(rutas))
    resumen.segundos = time.monotonic() - inicio
    return resumen
