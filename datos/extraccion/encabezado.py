"""STUB: tipo_nota, numero_nota, fecha_publicacion."""

from __future__ import annotations

from datos.extraccion.modelos import Encabezado


def leer(texto: str, fecha_declarada: str | None = None) -> Encabezado:
    return Encabezado()
