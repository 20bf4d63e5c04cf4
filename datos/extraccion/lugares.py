"""STUB: oficina, tipo_oficina, pais, region."""

from __future__ import annotations

from datos.extraccion.modelos import Ubicacion


def ubicar(titulo: str, cuerpo: str) -> Ubicacion:
    return Ubicacion()
