"""Barra de progreso en stderr para corridas largas, sin ensuciar los registros de CI.

En una terminal se redibuja en una sola línea. Si stderr no es una terminal solo
escribe una línea cada 15 s, y únicamente si la corrida ya dura más que eso.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_INTERVALO_TTY = 0.2
_INTERVALO_LOG = 15.0


def _miles(n: float) -> str:
    return f"{int(n):,}".replace(",", " ")


class Progreso:
    def __init__(self, total: int | None = None, activo: bool = True, flujo: TextIO | None = None) -> None:
        self.flujo = flujo or sys.stderr
        self.activo = activo
        self.tty = activo and bool(getattr(self.flujo, "isatty", lambda: False)())
        self.total = total
        self.hechas = 0
        self.inicio = time.monotonic()
        self._ultimo = 0.0 if self.tty else self.inicio
        self._dibujado = False

    def avanzar(self, n: int = 1, forzar: bool = False) -> None:
        self.hechas += n
        if not self.activo:
            return
        ahora = time.monotonic()
        intervalo = _INTERVALO_TTY if self.tty else _INTERVALO_LOG
        if forzar or ahora - self._ultimo >= intervalo:
            self._ultimo = ahora
            self._dibujar(ahora)

    def _linea(self, ahora: float) -> str:
        transcurrido = max(ahora - self.inicio, 1e-9)
        ritmo = self.hechas / transcurrido
        if self.total:
            frac = min(self.hechas / self.total, 1.0)
            llenas = int(frac * 30)
            barra = "█" * llenas + "░" * (30 - llenas)
            return f"{barra} {_miles(self.hechas)}/{_miles(self.total)} notas · {_miles(ritmo)} notas/s"
        return f"{_miles(self.hechas)} notas procesadas · {_miles(ritmo)} notas/s"

    def _dibujar(self, ahora: float) -> None:
        if self.tty:
            self.flujo.write("\r\033[K" + self._linea(ahora))
            self._dibujado = True
        else:
            self.flujo.write(self._linea(ahora) + "\n")
        self.flujo.flush()

    def cerrar(self) -> None:
        if self.activo and self.tty and self._dibujado:
            self._dibujar(time.monotonic())
            self.flujo.write("\n")
            self.flujo.flush()
