"""Carga de los catálogos CSV editables por el analista (cacheada por proceso).

Los catálogos viven en `datos/catalogos/`; la variable de entorno
`ARTICULA_CATALOGOS` apunta a otra carpeta (útil en pruebas).
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_CARPETA_POR_DEFECTO = Path(__file__).resolve().parent.parent / "catalogos"
# Marcas diacríticas combinantes (tras NFKD): quitarlas con una regex es mucho más rápido que carácter a carácter.
_COMBINANTES = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def carpeta() -> Path:
    """Carpeta de catálogos en uso (la variable de entorno gana)."""
    return _carpeta(os.environ.get("ARTICULA_CATALOGOS") or "")


@lru_cache(maxsize=8)
def _carpeta(variable: str) -> Path:
    # Se consulta varias veces por nota (clave de las cachés de cada módulo): no rearmar el Path cada vez.
    return Path(variable or _CARPETA_POR_DEFECTO)


def leer_csv(nombre: str) -> list[dict]:
    """Filas del catálogo `nombre` (con o sin `.csv`); lista vacía si no existe.

    Devuelve copias: quien las use puede modificarlas sin tocar la caché.
    """
    if not nombre.endswith(".csv"):
        nombre += ".csv"
    return [dict(fila) for fila in _leer_cacheado(str(carpeta() / nombre))]


@lru_cache(maxsize=64)
def _leer_cacheado(ruta: str) -> tuple[dict, ...]:
    camino = Path(ruta)
    if not camino.is_file():
        return ()
    with camino.open(encoding="utf-8-sig", newline="") as f:
        filas = []
        for fila in csv.DictReader(f):
            filas.append({(k or "").strip(): (v or "").strip() for k, v in fila.items() if k is not None})
        return tuple(filas)


def olvidar_textos() -> None:
    """Vacía la caché de `normalizar` (los catálogos leídos se conservan)."""
    normalizar.cache_clear()


def limpiar_cache() -> None:
    """Olvida los catálogos leídos (tras editar un CSV o cambiar ARTICULA_CATALOGOS)."""
    _leer_cacheado.cache_clear()


def dividir_lista(valor: str | None) -> list[str]:
    """Parte una celda con lista separada por `|` (sin vacíos ni espacios sobrantes)."""
    if not valor:
        return []
    return [parte.strip() for parte in valor.split("|") if parte.strip()]


@lru_cache(maxsize=4096)
def normalizar(texto: str | None) -> str:
    """Minúsculas, sin tildes (la ñ se conserva como n) y con espacios colapsados."""
    # Cacheada: la misma línea, oración o título se normaliza en varios módulos de una nota. La caché envuelve
    # directamente esta función (sin otra que la llame): ~15 llamadas por nota, cada una un marco menos.
    if not texto:
        return ""
    try:
        clave = texto.encode("latin-1").translate(_LATIN1_A_CLAVE)
    except UnicodeEncodeError:
        clave = b"\x00"
    if _DESCONOCIDO not in clave:
        # Latin-1 sin caracteres raros: una tabla de bytes (en C) hace minúsculas, tildes y blancos a la vez.
        # (bytes.find y no `in`: `b"  " in` prueba antes el argumento como entero y arma un TypeError.)
        if clave.find(b"  ") < 0 and clave[:1] != b" " and clave[-1:] != b" ":
            return clave.decode("latin-1")
        return b" ".join(clave.split()).decode("latin-1")
    return _normalizar_general(texto)


def _normalizar_general(texto: str) -> str:
    """`normalizar` para texto con caracteres fuera de `_LATIN1_A_CLAVE`."""
    bajo = texto.lower()
    if not bajo.isascii():
        # Atajo (mismo resultado que NFKD + quitar combinantes): las vocales con tilde y la ñ se reemplazan en C;
        # si lo que queda fuera de ASCII son solo signos estables (comillas, rayas...), NFKD no cambia nada.
        for con_tilde, sin_tilde in _TILDES:
            if con_tilde in bajo:
                bajo = bajo.replace(con_tilde, sin_tilde)
        if _INESTABLE.search(bajo):
            bajo = _COMBINANTES.sub("", unicodedata.normalize("NFKD", bajo))
    # Colapsar espacios como re.sub(r"\s+", " ").strip() (split() usa el mismo str.isspace); si el texto es
    # imprimible no tiene más blancos que " ", y sin dobles ni en los bordes ya está colapsado.
    if bajo.isprintable() and "  " not in bajo and bajo[:1] != " " and bajo[-1:] != " ":
        return bajo
    return " ".join(bajo.split())  # = oraciones.colapsar (no se importa: oraciones no debe depender de aquí)


# Minúsculas con diacrítico cuya NFKD es una letra ASCII + un combinante que se quita.
_TILDES = tuple(
    (c, d[0])
    for c in "áéíóúñü"
    if len(d := unicodedata.normalize("NFKD", c)) == 2 and d[0].isascii() and _COMBINANTES.match(d[1])
)
# Signos fuera de ASCII que NFKD deja iguales y no son combinantes: con solo estos, NFKD es la identidad.
_ESTABLES = "".join(
    c
    for c in "“”‘’«»¿¡–—‐•·°€£¥©®§¶†‡‰′"
    if unicodedata.normalize("NFKD", c) == c and not unicodedata.combining(c) and not _COMBINANTES.match(c)
)
_INESTABLE = re.compile("[^\\x00-\\x7f" + re.escape(_ESTABLES) + "]")


# Byte de `_LATIN1_A_CLAVE` para lo que la tabla no resuelve (el NUL mismo también: no es imprimible). Como
# entero: `_DESCONOCIDO in clave` busca el byte en C sin probar antes el argumento como entero.
_DESCONOCIDO = 0


def _clave_latin1(c: str) -> str:
    """Lo que `normalizar` hace con el carácter Latin-1 `c` dentro de un texto, o NUL si la tabla no basta."""
    if c.isascii() and c.isspace():
        return " "  # el colapso de espacios trata igual a todos los blancos ASCII
    bajo = c.lower()  # en Latin-1, la minúscula de un carácter es un carácter Latin-1
    if not c.isprintable():
        return "\x00"
    if bajo.isascii() or bajo in _ESTABLES:
        return bajo
    return dict(_TILDES).get(bajo, "\x00")


# Minúsculas, sin tildes y blancos ASCII → " " en una sola pasada de bytes.translate.
_LATIN1_A_CLAVE = "".join(_clave_latin1(chr(b)) for b in range(256)).encode("latin-1")
