"""Texto plegado (minúsculas, sin tildes) que conserva las posiciones del original.

Las búsquedas por catálogo se hacen sobre el texto plegado para no depender de
mayúsculas ni tildes, pero la evidencia y la mención se cortan del original: por
eso el plegado cambia carácter por carácter (misma longitud) y, si colapsa
espacios repetidos, guarda un mapa de posiciones de vuelta al original.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

import ahocorasick


def _plegar_caracter(c: str, minusculas: bool) -> str:
    if c in "\n\r\t\u00a0\u2009\u202f":
        return " "
    if c in "“”«»„":
        return '"'
    if c in "‘’´`":
        return "'"
    if c in "–—‑":
        return "-"
    base = c.lower() if minusculas else c
    sin = "".join(x for x in unicodedata.normalize("NFKD", base) if not unicodedata.combining(x))
    return sin if len(sin) == 1 else c


def _tabla(minusculas: bool) -> dict[int, str]:
    tabla = {}
    for codigo in list(range(0x00, 0x250)) + [0x2009, 0x202F, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E, 0x2013, 0x2014,
                                               0x2011]:
        c = chr(codigo)
        nuevo = _plegar_caracter(c, minusculas)
        if nuevo != c:
            tabla[codigo] = nuevo
    return tabla


_TABLA = _tabla(minusculas=True)
_TABLA_TILDES = _tabla(minusculas=False)
_ESPACIOS_REPETIDOS = re.compile(r" {2,}")


def plegar(texto: str) -> str:
    """Minúsculas sin tildes, carácter por carácter (misma longitud que `texto`)."""
    return texto.translate(_TABLA)


def sin_tildes(texto: str) -> str:
    """Quita tildes y unifica comillas/guiones, sin tocar mayúsculas (misma longitud)."""
    return texto.translate(_TABLA_TILDES)


def clave(texto: str) -> str:
    """Forma de comparación de un nombre de catálogo: plegado y con espacios colapsados."""
    return " ".join(plegar(texto).split())


@dataclass(frozen=True)
class TextoPlegado:
    """`plegado` es el texto en forma de comparación; `original(i)` da la posición en el original."""

    original_texto: str
    plegado: str
    _cortes: tuple[int, ...] = ()  # posiciones en `plegado` donde empieza un tramo desplazado
    _desplazamientos: tuple[int, ...] = ()

    @classmethod
    def desde(cls, texto: str) -> TextoPlegado:
        plegado = plegar(texto)
        if "  " not in plegado:
            return cls(texto, plegado)
        partes: list[str] = []
        cortes: list[int] = []
        desplazamientos: list[int] = []
        previo = 0
        quitados = 0
        for m in _ESPACIOS_REPETIDOS.finditer(plegado):
            partes.append(plegado[previo : m.start() + 1])
            quitados += m.end() - m.start() - 1
            previo = m.end()
            cortes.append(m.end() - quitados)
            desplazamientos.append(quitados)
        partes.append(plegado[previo:])
        return cls(texto, "".join(partes), tuple(cortes), tuple(desplazamientos))

    def original(self, i: int) -> int:
        """Posición en el texto original de la posición `i` del texto plegado."""
        if not self._cortes:
            return i
        k = bisect_right(self._cortes, i)
        return i + (self._desplazamientos[k - 1] if k else 0)


def es_limite(texto: str, inicio: int, fin: int) -> bool:
    """¿texto[inicio:fin] es una palabra completa (no pegada a letras o dígitos)?"""
    if inicio > 0 and texto[inicio - 1].isalnum():
        return False
    return not (fin < len(texto) and texto[fin].isalnum())


def automata(claves: dict[str, object]) -> ahocorasick.Automaton:
    """Autómata Aho–Corasick de `clave -> (longitud, valor)`; vacío si no hay claves."""
    a = ahocorasick.Automaton()
    for k, v in claves.items():
        a.add_word(k, (len(k), v))
    if len(a):
        a.make_automaton()
    return a


def coincidencias(a: ahocorasick.Automaton, texto: str, prefijo: bool = False):
    """(inicio, fin, valor) de cada clave de `a` en `texto` como palabra completa.

    Con `prefijo=True` basta con que empiece en límite de palabra (claves que son raíces).
    """
    if not len(a):
        return
    for fin_incl, (largo, valor) in a.iter(texto):
        inicio = fin_incl - largo + 1
        fin = fin_incl + 1
        if inicio > 0 and texto[inicio - 1].isalnum():
            continue
        if not prefijo and fin < len(texto) and texto[fin].isalnum():
            continue
        yield inicio, fin, valor
