"""Gancho de pruebas: `ARTICULA_PAUSA_PRUEBA=<etapa>` detiene la construcción en esa etapa.

Así la prueba de atomicidad puede matar el proceso (SIGKILL) en un punto conocido
en vez de adivinar tiempos. Sin la variable no hace nada.
"""

from __future__ import annotations

import os
import sys
import time

ETAPAS = ("bloqueo", "copia", "lote", "confirmacion", "cerrada", "publicada")


def punto(etapa: str) -> None:
    """Si la variable pide esta etapa, lo anuncia en stderr y espera hasta que lo maten."""
    pedidas = os.environ.get("ARTICULA_PAUSA_PRUEBA", "")
    if etapa in pedidas.split(","):
        print(f"PAUSA {etapa}", file=sys.stderr, flush=True)
        time.sleep(float(os.environ.get("ARTICULA_PAUSA_SEGUNDOS", "60")))
