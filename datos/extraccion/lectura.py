"""STUB: lectura de archivos y carpetas (txt mínimo)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from datos.extraccion.modelos import NotaCruda, Rechazo


def leer(rutas: Iterable[str | Path]) -> Iterator[NotaCruda | Rechazo]:
    for ruta in rutas:
        p = Path(ruta)
        archivos = sorted(p.glob("*.txt")) if p.is_dir() else [p]
        for a in archivos:
            yield NotaCruda(archivo=str(a), texto=a.read_text(encoding="utf-8"), formato="txt")
