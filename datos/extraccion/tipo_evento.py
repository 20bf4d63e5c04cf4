"""Tipo de evento por palabras clave del catálogo `tipos_evento.csv`.

Las pistas del título pesan más que las del primer párrafo, y estas más que las
del resto del cuerpo: el título dice qué se hizo, el cuerpo menciona de todo.
A igual puntaje gana el tipo que aparece antes en el catálogo (el más específico).
"""

from __future__ import annotations

import re
from functools import lru_cache

from datos.extraccion import catalogos
from datos.extraccion.catalogos import dividir_lista, normalizar
from datos.extraccion.modelos import Hallazgo
from datos.extraccion.oraciones import dividir

PESO_TITULO = 3
PESO_PRIMERA_ORACION = 2
PESO_CUERPO = 1
MAX_ORACIONES_CUERPO = 3  # que un cuerpo largo no tape al título


def _patron(palabra: str) -> str:
    palabra = normalizar(palabra)
    if palabra.endswith("*"):
        return re.escape(palabra[:-1].strip()) + r"\w*"
    return re.escape(palabra)


@lru_cache(maxsize=8)
def _tipos(carpeta: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    del carpeta  # parte de la clave de la caché
    tipos = []
    for fila in catalogos.leer_csv("tipos_evento"):
        palabras = [p for p in dividir_lista(fila.get("palabras_clave")) if normalizar(p).strip("*")]
        if fila.get("tipo_evento") and palabras:
            patron = re.compile(r"\b(?:" + "|".join(_patron(p) for p in palabras) + r")\b")
            tipos.append((fila["tipo_evento"], patron))
    return tuple(tipos)


def clasificar(titulo: str, cuerpo: str) -> Hallazgo | None:
    """El tipo de actividad más probable, con la oración que lo sugiere; None si nada calza."""
    tipos = _tipos(str(catalogos.carpeta()))
    oraciones = dividir(cuerpo or "")
    fuentes = [(titulo or "", PESO_TITULO)]
    if oraciones:
        fuentes.append((oraciones[0], PESO_PRIMERA_ORACION))
        fuentes += [(o, PESO_CUERPO) for o in oraciones[1:]]
    normalizadas = [(texto, normalizar(texto), peso) for texto, peso in fuentes if texto.strip()]

    mejor: tuple[int, int, str, str] | None = None  # (puntaje, -orden, tipo, evidencia)
    for orden, (tipo, patron) in enumerate(tipos):
        puntaje = 0
        evidencia = ""
        peso_evidencia = 0
        en_cuerpo = 0
        for texto, plano, peso in normalizadas:
            if not patron.search(plano):
                continue
            if peso == PESO_CUERPO:
                en_cuerpo += 1
                if en_cuerpo > MAX_ORACIONES_CUERPO:
                    continue
            puntaje += peso
            if peso > peso_evidencia:
                evidencia, peso_evidencia = texto, peso
        if puntaje and (mejor is None or (puntaje, -orden) > mejor[:2]):
            mejor = (puntaje, -orden, tipo, evidencia)
    if mejor is None:
        return None
    return Hallazgo(valor=mejor[2], evidencia=" ".join(mejor[3].split()))
