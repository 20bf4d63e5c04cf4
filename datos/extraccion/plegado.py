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
from functools import lru_cache
from itertools import accumulate, count
from operator import add, sub

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
# Tramos de 2+ espacios, capturados (`split` devuelve también los tramos). "   *" y no "  +": el prefijo literal
# de "  +" es un solo espacio y `re` probaría en cada espacio del texto; el de "   *" es "  ".
_TRAMOS = re.compile("(   *)")


# Letras latinas en minúscula cuya forma NFKD es una letra ASCII más diacríticos.
_SEGUROS = frozenset(
    c for c in map(chr, range(0xC0, 0x250))
    if c == c.lower() and len(unicodedata.normalize("NFKD", c).encode("ascii", "ignore")) == 1
)
# Un carácter que no es ASCII ni seguro: una búsqueda, sin armar la lista de todos los no ASCII.
_NO_SEGURO = re.compile("[^\x00-\x7f" + "".join(sorted(_SEGUROS)) + "]")
_REEMPLAZOS = (("“", '"'), ("”", '"'), ("«", '"'), ("»", '"'), ("„", '"'), ("‘", "'"), ("’", "'"), ("´", "'"),
               ("–", "-"), ("—", "-"), ("\u00a0", " "))
# Byte Latin-1 -> byte ASCII: las letras seguras a su base (= NFKD + ASCII) y \n \t \r a espacio.
_LATIN1_A_ASCII = bytes(
    32 if i in (9, 10, 13)
    else ord(unicodedata.normalize("NFKD", chr(i)).encode("ascii", "ignore")) if chr(i) in _SEGUROS
    else i
    for i in range(256)
)


# Byte Latin-1 -> byte ASCII de su plegado, con las minúsculas y los reemplazos incluidos (un solo translate):
# el carácter que no se pliega a un ASCII queda igual (≥ 128) y manda al camino general.
_REEMPLAZOS_FUERA_DE_LATIN1 = tuple((de, a) for de, a in _REEMPLAZOS if ord(de) > 0xFF)


def _tabla_latin1_plegada() -> bytes:
    reemplazos = dict(_REEMPLAZOS)
    tabla = bytearray(range(256))
    for i in range(256):
        minuscula = chr(i).lower()
        if chr(i) in reemplazos:
            tabla[i] = ord(reemplazos[chr(i)])
        elif len(minuscula) == 1 and ord(minuscula) < 256 and (minuscula.isascii() or minuscula in _SEGUROS):
            tabla[i] = _LATIN1_A_ASCII[ord(minuscula)]
    return bytes(tabla)


_LATIN1_PLEGADO = _tabla_latin1_plegada()


def _plegado_ascii(texto: str) -> bytes | None:
    """El plegado de `texto` en bytes ASCII si sale de la tabla Latin-1 (lo habitual); None si no.

    Sin `str.lower()` (lento fuera de ASCII): las minúsculas van en la tabla, que es exacta en Latin-1.
    """
    for de, a in _REEMPLAZOS_FUERA_DE_LATIN1:  # las comillas y rayas tipográficas no son Latin-1
        if de in texto:
            texto = texto.replace(de, a)
    try:
        plegado = texto.encode("latin-1").translate(_LATIN1_PLEGADO)
    except UnicodeEncodeError:
        return None
    return plegado if plegado.isascii() else None


def plegar(texto: str) -> str:
    """Minúsculas sin tildes, carácter por carácter (misma longitud que `texto`).

    Camino rápido (tabla de bytes Latin-1, en C); si algún carácter no es Latin-1 o no tiene
    forma ASCII de un solo carácter, el camino general.
    """
    plegado = _plegado_ascii(texto)
    return plegado.decode("ascii") if plegado is not None else _plegar_general(texto)


def _plegar_general(texto: str) -> str:
    """`plegar` fuera de la tabla Latin-1: NFKD + ASCII o, si algo no es seguro, la tabla completa."""
    r = texto.lower()
    for de, a in _REEMPLAZOS:
        if de in r:
            r = r.replace(de, a)
    if _NO_SEGURO.search(r):
        return texto.translate(_TABLA)
    r = unicodedata.normalize("NFKD", r).encode("ascii", "ignore").decode("ascii")
    return r.replace("\n", " ").replace("\t", " ").replace("\r", " ")


@lru_cache(maxsize=8192)
def sin_tildes(texto: str) -> str:
    """Quita tildes y unifica comillas/guiones, sin tocar mayúsculas (misma longitud)."""
    # Cacheada: se llama por cada mención hallada del catálogo, y las menciones se repiten entre notas
    # (str.translate con dict es lento en texto no ASCII: una búsqueda fallida por carácter).
    return texto.translate(_TABLA_TILDES)


@lru_cache(maxsize=65536)
def clave(texto: str) -> str:
    """Forma de comparación de un nombre de catálogo: plegado y con espacios colapsados."""
    return " ".join(plegar(texto).split())


# Para buscar por palabras: todo lo que no es letra ni dígito pasa a ser espacio.
_SEPARADORES = {i: " " for i in range(128) if not chr(i).isalnum()}
_SEPARADORES_BYTES = bytes(32 if i in _SEPARADORES else i for i in range(256))  # lo mismo, para texto ASCII


def _separar(texto: str) -> str:
    """`texto.translate(_SEPARADORES)`; en texto ASCII (el caso común tras plegar), con bytes (mucho más rápido)."""
    if texto.isascii():
        return texto.encode("ascii").translate(_SEPARADORES_BYTES).decode("ascii")
    return texto.translate(_SEPARADORES)


def palabras(texto: str) -> str:
    """Forma de búsqueda de un nombre: plegado, sin puntuación y con espacios colapsados."""
    return " ".join(plegar(texto).translate(_SEPARADORES).split())


def llave(texto: str, prefijo: bool = False) -> str:
    """Llave de autómata: ' palabras ' (palabra completa) o ' raiz' (comienzo de palabra)."""
    k = palabras(texto)
    return f" {k}" if prefijo else f" {k} "


@dataclass(frozen=True)
class TextoPlegado:
    """Un texto preparado para buscar nombres.

    - `pleno`: plegado, misma longitud y posiciones que el original;
    - `busqueda`: " " + palabras separadas por un espacio + " " (sin puntuación), donde una
      llave ' nombre ' solo puede coincidir con palabras completas;
    - `original(i)`: posición en el original de la posición `i` de `busqueda`.
    """

    original_texto: str
    pleno: str
    busqueda: str
    _cortes: tuple[int, ...] = ()  # posiciones de `busqueda` donde cambia el desplazamiento
    _desplazamientos: tuple[int, ...] = ()

    @classmethod
    def desde(cls, texto: str) -> TextoPlegado:
        """El texto preparado; cacheado: organizaciones y temas preparan el mismo texto de cada nota."""
        return _desde(cls, texto)

    @classmethod
    def _construir(cls, texto: str) -> TextoPlegado:
        plegado = _plegado_ascii(texto)
        if plegado is None:
            pleno = _plegar_general(texto)
            base = " " + _separar(pleno) + " "
        else:  # los mismos bytes plegados dan `pleno` y, con los separadores, `busqueda`
            pleno = plegado.decode("ascii")
            base = " " + plegado.translate(_SEPARADORES_BYTES).decode("ascii") + " "
        # Tramos de 2+ espacios: un solo split en C deja los trozos entre tramos (pares) y los tramos (impares); los
        # cortes y desplazamientos son sumas acumuladas de sus largos (map/accumulate, sin un bucle de Python).
        partes = _TRAMOS.split(base)
        if len(partes) == 1:
            return cls(texto, pleno, base, (0,), (-1,))
        trozos = partes[0::2]
        # corte k = fin del tramo k en `busqueda` = largo de los trozos 0..k + k + 1 espacios
        cortes = (0, *map(add, accumulate(map(len, trozos[:-1])), count(1)))
        # desplazamiento k = espacios quitados hasta el tramo k (largo de los tramos 0..k - (k + 1)) - 1
        desplazamientos = (-1, *map(sub, accumulate(map(len, partes[1::2])), count(2)))
        return cls(texto, pleno, " ".join(trozos), cortes, desplazamientos)

    # Sin caché (ni el hash del texto entero que pide): para quien prepara cada texto una sola vez, como
    # `organizaciones.buscar_con_temas`, que además entrega a temas lo que halló en él.
    armar = _construir

    def original(self, i: int) -> int:
        """Posición en el texto original de la posición `i` de `busqueda`."""
        k = bisect_right(self._cortes, i)
        return min(max(i + self._desplazamientos[k - 1], 0), len(self.original_texto))


@lru_cache(maxsize=16)
def _desde(cls: type[TextoPlegado], texto: str) -> TextoPlegado:
    return cls._construir(texto)


def olvidar_textos() -> None:
    """Vacía la caché de textos preparados (para medir sin aciertos por repetición)."""
    _desde.cache_clear()


def automata(claves: dict[str, object]) -> ahocorasick.Automaton:
    """Autómata Aho–Corasick de llaves (ver `llave`) -> valor; vacío si no hay llaves."""
    a = ahocorasick.Automaton()
    for k, v in claves.items():
        a.add_word(k, (len(k), k.endswith(" "), v))
    if len(a):
        a.make_automaton()
    return a


def coincidencias(a: ahocorasick.Automaton, tp: TextoPlegado):
    """(inicio, fin, valor) en el texto original de cada llave de `a` halladas en `tp`.

    Las llaves llevan sus espacios de borde, así que toda coincidencia es de palabras
    completas (o comienzo de palabra, en las raíces) sin comprobarlo en Python.
    """
    if not len(a):
        return
    original = tp.original
    for fin_incl, (largo, completa, valor) in a.iter(tp.busqueda):
        inicio = fin_incl - largo + 2  # tras el espacio inicial
        ultimo = fin_incl - 1 if completa else fin_incl  # último carácter de la palabra
        yield original(inicio), original(ultimo) + 1, valor
