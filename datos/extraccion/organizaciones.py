"""STUB: organizaciones participantes."""

from __future__ import annotations

from datos.extraccion.modelos import OrganizacionHallada


def buscar(cuerpo: str, titulo: str | None = None) -> list[OrganizacionHallada]:
    return []
