"""Valores conocidos de cada filtro, leídos de la base y cacheados por versión."""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass

from consultas.conexion import hay_base, ruta_bd, version_bd
from consultas.ejecucion import filas


@dataclass(frozen=True)
class Opciones:
    """Lo que existe en la base: alimenta la barra lateral y valida la URL."""

    anio_min: int | None = None
    anio_max: int | None = None
    region: tuple[str, ...] = ()
    pais: tuple[str, ...] = ()
    oficina: tuple[str, ...] = ()
    tipo_oficina: tuple[str, ...] = ()
    organizacion: tuple[str, ...] = ()
    tema: tuple[str, ...] = ()
    tipo_evento: tuple[str, ...] = ()
    hay_sinteticas: bool = False


def clave_orden(texto: str) -> tuple[str, str]:
    """Orden alfabético español razonable: sin distinguir tildes ni mayúsculas."""
    descompuesto = unicodedata.normalize("NFKD", texto)
    return ("".join(c for c in descompuesto if not unicodedata.combining(c)).casefold(), texto)


def _ordenados(valores: list | None) -> tuple[str, ...]:
    return tuple(sorted(set(valores or ()), key=clave_orden))


_candado = threading.Lock()
_cache: dict[tuple, Opciones] = {}


def opciones() -> Opciones:
    """Opciones de la versión vigente de la base (vacías si no hay base)."""
    if not hay_base():
        return Opciones()
    clave = (str(ruta_bd()), version_bd())
    with _candado:
        if clave in _cache:
            return _cache[clave]
    (fila,) = filas("opciones")
    anio_min, anio_max, region, pais, oficina, tipo_oficina, organizacion, tema, tipo_evento, sinteticas = fila
    resultado = Opciones(
        anio_min=int(anio_min) if anio_min is not None else None,
        anio_max=int(anio_max) if anio_max is not None else None,
        region=_ordenados(region),
        pais=_ordenados(pais),
        oficina=_ordenados(oficina),
        tipo_oficina=_ordenados(tipo_oficina),
        organizacion=_ordenados(organizacion),
        tema=_ordenados(tema),
        tipo_evento=_ordenados(tipo_evento),
        hay_sinteticas=bool(sinteticas),
    )
    with _candado:
        _cache.clear()  # solo interesa la versión vigente
        _cache[clave] = resultado
    return resultado
