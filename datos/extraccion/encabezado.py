"""Encabezado de gob.pe: tipo_nota, numero_nota y fecha_publicacion.

El encabezado típico es:

    21 de diciembre de 2023 - 10:21 a. m.
    Nota Informativa 1275 – 23

La etiqueta de la línea numerada manda sobre una etiqueta genérica suelta
("Nota Informativa" arriba y "Fotoleyenda 644-19" abajo → Fotoleyenda).
"""

from __future__ import annotations

import re

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


def tipo_canonico(etiqueta: str) -> str | None:
    """'Nota de prensa' → 'Nota de Prensa', 'fotoleyenda' → 'Fotoleyenda'."""
    return TIPOS.get(normalizar(etiqueta))


def es_linea_fecha(linea: str) -> bool:
    return bool(LINEA_FECHA.match(linea))


def es_linea_cabecera(linea: str) -> bool:
    """Línea de fecha, línea numerada o etiqueta suelta."""
    return bool(LINEA_FECHA.match(linea) or LINEA_NUMERADA.match(linea) or LINEA_ETIQUETA.match(linea))


def _lineas_cabecera(texto: str) -> list[str]:
    lineas = [linea.strip() for linea in texto.splitlines() if linea.strip()]
    return lineas[:LINEAS_CABECERA]


def leer(texto: str, fecha_declarada: str | None = None) -> Encabezado:
    """Lee el encabezado; sin fecha impresa usa `fecha_declarada` (ISO o en español)."""
    cabecera = Encabezado()
    tipo_suelto: str | None = None
    for linea in _lineas_cabecera(texto or ""):
        numerada = LINEA_NUMERADA.match(linea)
        if numerada and cabecera.numero_nota is None:
            cabecera.tipo_nota = tipo_canonico(numerada.group("etiqueta"))
            cabecera.numero_nota = f"{numerada.group('num')}-{numerada.group('anio')}"
            continue
        suelta = LINEA_ETIQUETA.match(linea)
        if suelta and tipo_suelto is None:
            tipo_suelto = tipo_canonico(suelta.group("etiqueta"))
            continue
        if cabecera.fecha_publicacion is None and LINEA_FECHA.match(linea):
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
