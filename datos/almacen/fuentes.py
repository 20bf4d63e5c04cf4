"""Dirección pública de las notas incluidas: `fuentes.csv` (archivo,url) junto a los archivos."""

from __future__ import annotations

import csv
from pathlib import Path


class Fuentes:
    """Busca la url de un archivo en el `fuentes.csv` de su carpeta (cada carpeta se lee una vez)."""

    def __init__(self) -> None:
        self._por_carpeta: dict[Path, dict[str, str]] = {}

    def url(self, archivo: str) -> str | None:
        if "#" in Path(archivo).name:  # registro de una exportación: trae su propia url
            return None
        ruta = Path(archivo)
        carpeta = ruta.parent
        tabla = self._por_carpeta.get(carpeta)
        if tabla is None:
            tabla = self._por_carpeta[carpeta] = _leer(carpeta / "fuentes.csv")
        return tabla.get(ruta.name) or None


def _leer(ruta: Path) -> dict[str, str]:
    try:
        with ruta.open(encoding="utf-8-sig", newline="") as f:
            return {
                (fila.get("archivo") or "").strip(): (fila.get("url") or "").strip()
                for fila in csv.DictReader(f)
            }
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}
