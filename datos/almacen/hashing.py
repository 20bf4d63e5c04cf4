"""Huella del contenido de una nota: la misma nota con otro nombre o con otros espacios es un duplicado."""

from __future__ import annotations

import hashlib
import unicodedata


def normalizar(texto: str) -> str:
    """Minúsculas, forma Unicode NFC y espacios colapsados (saltos de línea incluidos)."""
    return " ".join(unicodedata.normalize("NFC", texto).lower().split())


def huella_de_normalizado(normal: str) -> bytes:
    """Los 16 bytes (BLAKE2b de 128 bits) de un texto ya normalizado."""
    return hashlib.blake2b(normal.encode("utf-8"), digest_size=16).digest()


def hash_contenido(texto: str) -> str:
    """Huella hexadecimal (BLAKE2b de 128 bits) del texto normalizado."""
    return huella_de_normalizado(normalizar(texto)).hex()
