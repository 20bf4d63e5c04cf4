"""STUB: fechas en español y fecha del evento."""

from __future__ import annotations

from datos.extraccion.modelos import Hallazgo


def fecha_evento(cuerpo: str, fecha_publicacion: str | None) -> Hallazgo | None:
    return None
