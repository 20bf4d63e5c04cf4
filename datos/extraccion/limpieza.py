"""STUB (lo reemplaza el módulo real): artefactos de scraping."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NotaLimpia:
    titulo: str  # título de la nota
    texto: str  # texto completo limpio (encabezado incluido)
    cuerpo: str  # solo el cuerpo, sin título/subtítulo/encabezado


def limpiar(texto: str, titulo: str | None = None) -> NotaLimpia:
    lineas = [linea.strip() for linea in texto.splitlines() if linea.strip()]
    primero = titulo or (lineas[0] if lineas else "")
    return NotaLimpia(titulo=primero, texto=texto, cuerpo=texto)
