"""STUB: espacios de coordinación."""

from __future__ import annotations

from datos.extraccion.modelos import Hallazgo


def buscar(cuerpo: str, titulo: str | None = None) -> list[Hallazgo]:
    return []
