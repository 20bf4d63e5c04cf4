"""Encabezado de gob.pe: tipo_nota, numero_nota y fecha_publicacion.

El encabezado típico es:

    21 de diciembre de 2023 - 10:21 a. m.
    Nota Informativa 1275 – 23

La etiqueta de la línea numerada manda sobre una etiqueta genérica suelta
("Nota Informativa" arriba y "Fotoleyenda 644-19" abajo → Fotoleyenda).
"""

from __future__ import annotations

import re
from functools import lru_cache

from datos.extraccion import fechas
from datos.extraccion.catalogos import normalizar
from datos.extraccion.modelos import Encabezado

# Etiquetas normalizadas (sin tildes, minúsculas) → forma canónica.
TIPOS = {
    "nota informativa": "Nota Informativa",
    "nota de prensa": "Nota de Prensa",
    "comunicado de prensa": "Comunicado de Prensa",
    "comunicado oficial": "Comunicado de Prensa",
    "comunicado": "Comunicado de Prensa",
    "fotoleyenda": "Fotoleyenda",
    "foto leyenda": "Fotoleyenda",
}
ETIQUETA = (
    r"(?P<etiqueta>nota\s+informativa|nota\s+de\s+prensa|comunicado(?:\s+de\s+prensa|\s+oficial)?"
    r"|foto\s?leyenda)"
)
_GUION = r"\s*[-–—‐‑/]\s*"
LINEA_NUMERADA = re.compile(
    rf"^\s*{ETIQUETA}\s*(?:N\s*[°º.o]\s*|Nro\.?\s*)?(?P<num>\d{{1,5}}){_GUION}(?P<anio>\d{{2}}|\d{{4}})\s*\.?\s*$",
    re.IGNORECASE,
)
LINEA_ETIQUETA = re.compile(rf"^\s*{ETIQUETA}\s*:?\s*$", re.IGNORECASE)
LINEA_FECHA = re.compile(
    rf"^\s*(?:(?:lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|domingo),?\s+)?"
    rf"{fechas._DIA}\s+de\s+{fechas._MES}\s*(?:de|del|,)?\s*(?P<anio>\d{{4}})"
    r"(?:\s*[-–—,|]?\s*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s*m\.?|h(?:oras|rs)?\.?)?))?\s*$",
    re.IGNORECASE,
)
# Solo las primeras líneas forman el encabezado: no buscar etiquetas en el cuerpo.
LINEAS_CABECERA = 15


# Primer carácter posible de cada línea de cabecera (con re.IGNORECASE; ningún otro carácter se iguala a estas
# letras sin distinguir mayúsculas salvo «ſ» con la «s»): descartar en Python las demás líneas sin probar la regex.
_INICIO_ETIQUETA = frozenset("ncfNCF")
_INICIO_FECHA = frozenset("lmjvsdLMJVSDſ")


def _puede_empezar(linea: str, letras: frozenset[str]) -> bool:
    c = linea[:1]
    return c in letras or c.isspace() or c.isdecimal()


@lru_cache(maxsize=1024)
def linea_numerada(linea: str) -> re.Match[str] | None:
    """`LINEA_NUMERADA.match(linea)`, cacheada: limpieza y encabezado miran las mismas primeras líneas."""
    return LINEA_NUMERADA.match(linea) if _puede_empezar(linea, _INICIO_ETIQUETA) else None


@lru_cache(maxsize=1024)
def linea_etiqueta(linea: str) -> re.Match[str] | None:
    """`LINEA_ETIQUETA.match(linea)`, cacheada."""
    return LINEA_ETIQUETA.match(linea) if _puede_empezar(linea, _INICIO_ETIQUETA) else None


@lru_cache(maxsize=1024)
def linea_fecha(linea: str) -> re.Match[str] | None:
    """`LINEA_FECHA.match(linea)`, cacheada."""
    return LINEA_FECHA.match(linea) if _puede_empezar(linea, _INICIO_FECHA) else None


def olvidar_textos() -> None:
    """Vacía las cachés por línea."""
    for funcion in (linea_numerada, linea_etiqueta, linea_fecha):
        funcion.cache_clear()


def tipo_canonico(etiqueta: str) -> str | None:
    """'Nota de prensa' → 'Nota de Prensa', 'fotoleyenda' → 'Fotoleyenda'."""
    return TIPOS.get(normalizar(etiqueta))


def es_linea_fecha(linea: str) -> bool:
    return bool(linea_fecha(linea))


def es_linea_cabecera(linea: str) -> bool:
    """Línea de fecha, línea numerada o etiqueta suelta."""
    return bool(linea_fecha(linea) or linea_numerada(linea) or linea_etiqueta(linea))


def _lineas_cabecera(texto: str) -> list[str]:
    lineas: list[str] = []
    for linea in texto.splitlines():
        linea = linea.strip()
        if linea:
            lineas.append(linea)
            if len(lineas) == LINEAS_CABECERA:
                break
    return lineas


def leer(texto: str, fecha_declarada: str | None = None) -> Encabezado:
    """Lee el encabezado; sin fecha impresa usa `fecha_declarada` (ISO o en español)."""
    cabecera = Encabezado()
    tipo_suelto: str | None = None
    for linea in _lineas_cabecera(texto or ""):
        numerada = linea_numerada(linea)
        if numerada and cabecera.numero_nota is None:
            cabecera.tipo_nota = tipo_canonico(numerada.group("etiqueta"))
            cabecera.numero_nota = f"{numerada.group('num')}-{numerada.group('anio')}"
            continue
        suelta = linea_etiqueta(linea)
        if suelta and tipo_suelto is None:
            tipo_suelto = tipo_canonico(suelta.group("etiqueta"))
            continue
        if cabecera.fecha_publicacion is None and linea_fecha(linea):
            fecha = fechas.parsear_fecha(linea)
            if fecha is not None:
                cabecera.fecha_publicacion = fecha.isoformat()
                cabecera.evidencia_fecha = linea
    if cabecera.tipo_nota is None:
        cabecera.tipo_nota = tipo_suelto
    if cabecera.fecha_publicacion is None and fecha_declarada:
        declarada = fechas.parsear_iso(fecha_declarada) or fechas.parsear_fecha(fecha_declarada)
        if declarada is not None:
            cabecera.fecha_publicacion = declarada.isoformat()
            cabecera.evidencia_fecha = f"Fecha declarada en la exportación: {fecha_declarada.strip()}"
    return cabecera
