"""STUB: tipo de evento."""

from __future__ import annotations

from datos.extraccion.modelos import Hallazgo


def clasificar(titulo: str, cuerpo: str) -> Hallazgo | None:
    return None
