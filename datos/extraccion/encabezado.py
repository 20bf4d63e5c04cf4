"""Encabezado de gob.pe: tipo_nota, numero_nota y fecha_publicacion.

El encabezado típico es:

    21 de diciembre de 2023 - 10:21 a. m.
    Nota Informativa 1275 – 23

La etiqueta de la línea numerada manda sobre una etiqueta genérica suelta
("Nota Informativa" arriba y "Fotoleyenda 644-19" abajo → Fotoleyenda).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
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

# Con re.IGNORECASE, las letras que igualan a otras además de su mayúscula (las de las etiquetas y días).
_OTRAS_GRAFIAS = {"i": "İı", "s": "ſ"}


def _grafias(letra: str) -> str:
    return letra + letra.upper() + _OTRAS_GRAFIAS.get(letra, "")


# Dos primeros caracteres posibles de una línea que calza con alguna regex de `marcas` y no empieza por blanco ni
# cifra: la etiqueta empieza por «no», «co» o «fo» y la fecha sin cifra delante, por un día de la semana. Casi
# ninguna línea del cuerpo («La», «El», «Se»...) los tiene: quien recorre líneas sin blancos en los bordes salta
# `marcas` (la caché y sus regex) si `linea[:2]` no está aquí y `linea[:1]` no es cifra.
INICIOS_DE_CABECERA = frozenset(
    a + b
    for inicio in ("no", "co", "fo", "lu", "ma", "mi", "ju", "vi", "sa", "sá", "do")
    for a in _grafias(inicio[0])
    for b in _grafias(inicio[1])
)


@lru_cache(maxsize=1024)
def marcas(linea: str) -> tuple[re.Match[str] | None, re.Match[str] | None, re.Match[str] | None]:
    """(LINEA_NUMERADA, LINEA_ETIQUETA, LINEA_FECHA).match(linea), cacheadas juntas.

    Limpieza y encabezado miran las mismas primeras líneas: una búsqueda en la caché por línea, no tres.
    """
    c = linea[:1]
    otro = c.isspace() or c.isdecimal()
    if c in _INICIO_ETIQUETA or otro:
        numerada, etiqueta = LINEA_NUMERADA.match(linea), LINEA_ETIQUETA.match(linea)
    else:
        numerada = etiqueta = None
    return numerada, etiqueta, LINEA_FECHA.match(linea) if c in _INICIO_FECHA or otro else None


def linea_numerada(linea: str) -> re.Match[str] | None:
    """`LINEA_NUMERADA.match(linea)` (cacheada, ver `marcas`)."""
    return marcas(linea)[0]


def linea_etiqueta(linea: str) -> re.Match[str] | None:
    """`LINEA_ETIQUETA.match(linea)` (cacheada, ver `marcas`)."""
    return marcas(linea)[1]


def linea_fecha(linea: str) -> re.Match[str] | None:
    """`LINEA_FECHA.match(linea)` (cacheada, ver `marcas`)."""
    return marcas(linea)[2]


def olvidar_textos() -> None:
    """Vacía la caché por línea."""
    marcas.cache_clear()


def tipo_canonico(etiqueta: str) -> str | None:
    """'Nota de prensa' → 'Nota de Prensa', 'fotoleyenda' → 'Fotoleyenda'."""
    return TIPOS.get(normalizar(etiqueta))


def es_linea_fecha(linea: str) -> bool:
    return bool(linea_fecha(linea))


def es_linea_cabecera(linea: str) -> bool:
    """Línea de fecha, línea numerada o etiqueta suelta."""
    return bool(linea_fecha(linea) or linea_numerada(linea) or linea_etiqueta(linea))


def _lineas_cabecera(texto: str) -> Iterator[str]:
    """Las primeras LINEAS_CABECERA líneas no vacías (sin blancos en los bordes), de a una.

    Perezosa: `leer` deja de pedir líneas cuando ya halló todo, y no se parte el resto del texto.
    """
    # Separadores de línea de str.splitlines además de "\n" (casi nunca están): sin ellos, se corta con str.find.
    # Un `in` por separador, no any() sobre una tupla: el generador costaba el doble que las búsquedas.
    if (
        "\r" in texto or "\x0b" in texto or "\x0c" in texto or "\x1c" in texto or "\x1d" in texto
        or "\x1e" in texto or "\x85" in texto or "\u2028" in texto or "\u2029" in texto
    ):
        no_vacias = [linea for linea in map(str.strip, texto.splitlines()) if linea]
        yield from no_vacias[:LINEAS_CABECERA]
        return
    vistas = 0
    inicio = 0
    while True:
        fin = texto.find("\n", inicio)
        linea = (texto[inicio:fin] if fin >= 0 else texto[inicio:]).strip()
        if linea:
            yield linea
            vistas += 1
            if vistas == LINEAS_CABECERA:
                return
        if fin < 0:
            return
        inicio = fin + 1


# Lo que FECHA_ES exige entre el mes y el año para llevarse el año (LINEA_FECHA lo deja opcional).
_ANTES_DEL_ANIO = re.compile(r"\s*(?:de|del|,)\s*", re.IGNORECASE)


def _es_palabra(c: str) -> bool:
    return c.isalnum() or c == "_"  # la definición de \w de `re` para str


def _fecha_de_linea(linea: str, m: re.Match[str]) -> date | None:
    """= fechas.parsear_fecha(linea) para una línea que calza con LINEA_FECHA (`m`), sin volver a buscar.

    En esa línea solo FECHA_ES puede hallar una fecha con año (no hay «aaaa-m-d» ni «d/m/aaaa»), y solo en el
    día de `m`: con año si entre el mes y el año hay «de», «del» o «,» y el año no sigue en otra cifra (\b).
    """
    fin_anio = m.end("anio")
    if not _ANTES_DEL_ANIO.fullmatch(linea, m.end("mes"), m.start("anio")) or (
        fin_anio < len(linea) and _es_palabra(linea[fin_anio])
    ):
        return None
    mes = fechas.MESES.get(m.group("mes").lower())
    return fechas.crear_fecha(int(m.group("anio")), mes, int(m.group("dia"))) if mes else None


def leer(texto: str, fecha_declarada: str | None = None) -> Encabezado:
    """Lee el encabezado; sin fecha impresa usa `fecha_declarada` (ISO o en español)."""
    cabecera = Encabezado()
    tipo_suelto: str | None = None
    for linea in _lineas_cabecera(texto or ""):
        if linea[:2] not in INICIOS_DE_CABECERA and not linea[:1].isdecimal():
            continue  # marcas(linea) sería (None, None, None): la línea no cambia nada
        numerada, suelta, con_fecha = marcas(linea)
        if numerada and cabecera.numero_nota is None:
            cabecera.tipo_nota = tipo_canonico(numerada.group("etiqueta"))
            cabecera.numero_nota = f"{numerada.group('num')}-{numerada.group('anio')}"
        else:
            if suelta and tipo_suelto is None:
                tipo_suelto = tipo_canonico(suelta.group("etiqueta"))
            elif cabecera.fecha_publicacion is None:
                fecha = _fecha_de_linea(linea, con_fecha) if con_fecha else None
                if fecha is not None:
                    cabecera.fecha_publicacion = fecha.isoformat()
                    cabecera.evidencia_fecha = linea
        if cabecera.numero_nota is not None and tipo_suelto is not None and cabecera.fecha_publicacion is not None:
            break  # ninguna línea más puede cambiar nada
    if cabecera.tipo_nota is None:
        cabecera.tipo_nota = tipo_suelto
    if cabecera.fecha_publicacion is None and fecha_declarada:
        declarada = fechas.parsear_iso(fecha_declarada) or fechas.parsear_fecha(fecha_declarada)
        if declarada is not None:
            cabecera.fecha_publicacion = declarada.isoformat()
            cabecera.evidencia_fecha = f"Fecha declarada en la exportación: {fecha_declarada.strip()}"
    return cabecera
