"""STUB: temas."""

from __future__ import annotations

from datos.extraccion.modelos import Hallazgo


def clasificar(titulo: str, cuerpo: str) -> list[Hallazgo]:
    return []
