"""Resultado de una construcción y su resumen legible en español."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


def _miles(n: int) -> str:
    return f"{n:,}".replace(",", " ")


@dataclass
class Resumen:
    ruta_bd: Path
    leidas: int = 0
    nuevas: int = 0
    duplicadas: int = 0
    rechazadas: int = 0
    motivos: Counter = field(default_factory=Counter)
    eventos_en_base: int = 0
    segundos: float = 0.0
    confirmada: bool = True  # False: modo estricto con rechazos, la base no cambió
    estricto: bool = False
    etapas: dict[str, float] = field(default_factory=dict)  # segundos por etapa
    marts: dict[str, str] = field(default_factory=dict)  # mart -> completo | incremental | sin cambios

    def texto(self) -> str:
        lineas = [
            f"Construcción {'terminada' if self.confirmada else 'NO guardada'} "
            f"en {self.segundos:.1f} s · base: {self.ruta_bd}".replace(".", ",", 1),
            f"  Notas leídas:        {_miles(self.leidas)}",
            f"  Nuevas:              {_miles(self.nuevas)}",
            f"  Duplicadas:          {_miles(self.duplicadas)}",
            f"  Rechazadas:          {_miles(self.rechazadas)}",
        ]
        for motivo, n in sorted(self.motivos.items(), key=lambda kv: (-kv[1], kv[0])):
            lineas.append(f"    · {motivo}: {_miles(n)}")
        if self.confirmada:
            lineas.append(f"  Eventos en la base:  {_miles(self.eventos_en_base)}")
        elif self.estricto:
            lineas.append(
                "  Modo estricto: hubo rechazos, así que no se guardó nada; la base sigue como estaba."
            )
        return "\n".join(lineas)
