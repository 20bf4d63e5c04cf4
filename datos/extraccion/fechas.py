"""Fechas en español y fecha del evento (reglas de docs/ANOTACION.md).

Ninguna función de este módulo lanza excepciones con texto arbitrario: una fecha
imposible ("31 de febrero") o ilegible se devuelve como `None`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from datos.extraccion.anclas import coincidencias_desde, inicio_palabra_previa
from datos.extraccion.modelos import Hallazgo
from datos.extraccion.oraciones import oracion_de

MESES = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "setiembre": 9,
    "septiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
_MES = "(?P<mes>" + "|".join(MESES) + ")"
_ANIO = r"(?:\s*(?:de|del|,)\s*(?P<anio>\d{4}))?"
# "3 de diciembre", "1.º de mayo", "1° de mayo", "1ro. de mayo", "18 de agosto de 2018"
_DIA = r"(?P<dia>\d{1,2})(?:\s*(?:\.?\s*[º°ª]|ro\.?|er\.?))?"
# Los patrones que se recorren sobre todo el cuerpo empiezan por un carácter concreto (dígito, [eE]...) y
# no por \b: así `re` salta en C las posiciones imposibles en vez de probar el patrón en cada una. El \b
# inicial pasa a ser `(?<!\w.)` tras ese primer carácter (equivalente: el primero es una letra o dígito).
# Sin re.IGNORECASE global (anularía ese atajo): la clase inicial lista las dos grafías y el resto va en (?i:).
_DIA_SUELTO = r"(?P<dia>\d(?<!\w\d)\d?)(?:\s*(?:\.?\s*[º°ª]|ro\.?|er\.?))?"  # = \b{_DIA}
FECHA_ES = re.compile(rf"{_DIA_SUELTO}\s+de\s+{_MES}{_ANIO}\b", re.IGNORECASE)
# "del 16 al 20 de agosto", "entre el 16 y el 20 de agosto", "los días 18 y 19 de agosto"
_RANGO = re.compile(
    # = \b(?:del|entre\s+el|los\s+d[ií]as|el|los)\s+… con re.IGNORECASE (mismo orden de alternativas)
    r"[dDeElL](?<!\w.)(?i:(?:(?<=d)el|(?<=e)ntre\s+el|(?<=l)os\s+d[ií]as|(?<=e)l|(?<=l)os)"
    r"\s+(?P<dia>\d{1,2})(?:\s*[º°])?"
    rf"\s*(?:al|y\s+el|y|-|–|—|,)\s*\d{{1,2}}(?:\s*[º°])?\s+de\s+{_MES}{_ANIO}\b)",
)
_ISO = re.compile(r"\b(?P<anio>\d{4})-(?P<mes>\d{1,2})-(?P<dia>\d{1,2})\b")
_NUMERICA = re.compile(r"\b(?P<dia>\d{1,2})[/.](?P<mes>\d{1,2})[/.](?P<anio>\d{4})\b")

# Expresiones que remiten a la fecha de publicación (desplazamiento en días).
_RELATIVAS: list[tuple[bytes, re.Pattern[str], int]] = [  # (palabra para descartar rápido, patrón, días)
    # \bel\s+d[ií]a\s+de\s+hoy\b
    (b"hoy", re.compile(r"[eE](?<!\w.)(?i:l\s+d[ií]a\s+de\s+hoy\b)"), 0),
    # \ben\s+la\s+fecha\b
    (b"fecha", re.compile(r"[eE](?<!\w.)(?i:n\s+la\s+fecha\b)"), 0),
    # "presentó a la fecha": solo tras un verbo en pasado ("a la fecha" suele ser "hasta hoy").
    # (?<=ó )a\s+la\s+fecha\b|(?<=ron )a\s+la\s+fecha\b
    (b"fecha", re.compile(r"[aA](?i:(?:(?<=ó .)|(?<=ron .))\s+la\s+fecha\b)"), 0),
    # (?<!hasta\s)\bhoy\b(?!\s+(?:en\s+)?d[ií]a\b)
    (b"hoy", re.compile(r"[hH](?<!\w.)(?i:(?<!hasta\s.)oy\b(?!\s+(?:en\s+)?d[ií]a\b))"), 0),
    # \besta\s+(?:mañana|tarde|noche)\b
    (b"esta ", re.compile(r"[eE](?<!\w.)(?i:sta\s+(?:mañana|tarde|noche)\b)"), 0),
    # \b(?:el\s+d[ií]a\s+de\s+)?ayer\b
    (b"ayer", re.compile(r"[eEaA](?<!\w.)(?i:(?<=e)l\s+d[ií]a\s+de\s+ayer\b|(?<=a)yer\b)"), -1),
]
# Por cada patrón de _RELATIVAS: la raíz que toda coincidencia contiene (en minúsculas ASCII) y cuántas palabras,
# separadas por blancos, la preceden en ella («el día de hoy»: 3). Con eso la regex se prueba solo donde puede
# empezar (ver _inicios_relativa) y no en cada carácter del cuerpo.
_ANCLAS_RELATIVAS: list[tuple[bytes, tuple[int, ...]]] = [
    (b"hoy", (3,)),
    (b"fecha", (2,)),
    (b"fecha", (2,)),
    (b"hoy", (0,)),
    (b"esta", (0,)),  # no «esta »: el blanco de la regex puede ser "\n" o NBSP
    (b"ayer", (0, 3)),
]

# Contexto previo que indica una fecha ajena a la actividad (planes, normas, historia).
_FUTURO = re.compile(
    r"\b(?:pr[oó]xim[oa]s?|venider[oa]s?|hasta\s+el|a\s+partir\s+del?|programad[oa]s?|previst[oa]s?|"
    r"\w+(?:ar|er|ir)(?:á|án))\s*$",
    re.IGNORECASE,
)
_FUTURO_CERCA = re.compile(
    r"\b(?:pr[oó]xim[oa]s?|venider[oa]s?|programad[oa]|previst[oa]|\w+(?:ar|er|ir)(?:á|án))\b",
    re.IGNORECASE,
)
_AJENA = re.compile(
    r"\b(?:cread[oa]s?|fundad[oa]s?|promulgad[oa]s?|publicad[oa]s?|aprobad[oa]s?|vigentes?|"
    r"naci[óo]|nacid[oa]|ley|decreto|resoluci[óo]n|vence|plazo|fallecid[oa]|desde\s+el)\b",
    re.IGNORECASE,
)
_PASADO = re.compile(r"\bpasad[oa]s?\b", re.IGNORECASE)
_MAX_ANTIGUEDAD = timedelta(days=400)


def crear_fecha(anio: int, mes: int, dia: int) -> date | None:
    """`date` o None si la combinación no existe (31 de febrero, mes 13...)."""
    try:
        return date(anio, mes, dia)
    except (ValueError, OverflowError, TypeError):
        return None


def parsear_fecha(texto: str | None) -> date | None:
    """Primera fecha completa (con año) del texto: español, ISO o dd/mm/aaaa; si no, None."""
    if not texto:
        return None
    try:
        candidatos = []
        for patron in (FECHA_ES, _ISO, _NUMERICA):
            for m in patron.finditer(texto):
                if m.group("anio"):
                    candidatos.append(m)
                    break
        for m in sorted(candidatos, key=lambda x: x.start()):
            mes = m.group("mes")
            numero_mes = MESES[mes.lower()] if not mes.isdigit() else int(mes)
            fecha = crear_fecha(int(m.group("anio")), numero_mes, int(m.group("dia")))
            if fecha:
                return fecha
    except (ValueError, KeyError):
        return None
    return None


def parsear_iso(texto: str | None) -> date | None:
    """Fecha de un texto ISO (`2023-12-21` o `2023-12-21T10:21:00`); None si no lo es."""
    if not texto:
        return None
    try:
        return datetime.fromisoformat(texto.strip()).date()
    except ValueError:
        return None


def inferir_anio(mes: int, dia: int, referencia: date) -> date | None:
    """Mes-día sin año: el año de `referencia`, o el anterior si quedaría en el futuro."""
    fecha = crear_fecha(referencia.year, mes, dia)
    if fecha is None:  # 29 de febrero en año no bisiesto: probar el año anterior
        return crear_fecha(referencia.year - 1, mes, dia)
    if fecha > referencia:
        return crear_fecha(referencia.year - 1, mes, dia)
    return fecha


@dataclass(frozen=True)
class _Candidata:
    inicio: int
    fin: int
    fecha: date


# Byte -> b"0" si es dígito (en Latin-1 los únicos \d son 0-9; ver _en_bytes), b" " si no.
_DIGITOS = bytes(48 if 48 <= i <= 57 else 32 for i in range(256))


def _cifras_fuera_de_latin1(error: UnicodeError) -> tuple[str, int]:
    r"""Manejador de encode("latin-1"): lo que no es Latin-1 pasa a "0" si es cifra (\d de `re`) y a "\x00" si no.

    Así el texto en bytes tiene un byte por carácter (mismas posiciones), y las cifras de cualquier alfabeto ("٣")
    siguen siendo cifras: no hace falta cp1252 (charmap, ~10 ns por carácter) ni la regex sobre todo el texto.
    """
    if not isinstance(error, UnicodeEncodeError):
        raise error
    trozo = error.object[error.start : error.end]
    return "".join("0" if c.isdecimal() else "\x00" for c in trozo), error.end


_EN_BYTES = "articula.fechas.cifras"
codecs.register_error(_EN_BYTES, _cifras_fuera_de_latin1)


def _en_bytes(cuerpo: str) -> bytes:
    """Un byte por carácter: Latin-1 tal cual; fuera de Latin-1, "0" las cifras y "?" o "\x00" lo demás.

    Casi ningún texto tiene cifras fuera de Latin-1, y el manejador en Python de cada carácter que no lo es (una
    raya, unas comillas tipográficas) cuesta más que codificar: se codifica con "replace" (en C, "?" por carácter)
    y solo si uno de esos "?" es una cifra se vuelve a codificar con _cifras_fuera_de_latin1.
    """
    crudo = cuerpo.encode("latin-1", "replace")
    donde = crudo.find(b"?")
    while donde >= 0:
        if cuerpo[donde] != "?" and cuerpo[donde].isdecimal():
            return cuerpo.encode("latin-1", _EN_BYTES)
        donde = crudo.find(b"?", donde + 1)
    return crudo


def _inicios(cuerpo: str, crudo: bytes | None = None) -> tuple[list[int], list[int]]:
    r"""Dónde pueden empezar _RANGO y FECHA_ES; `crudo` = _en_bytes(cuerpo) si ya se tiene.

    Ambas exigen un día que abre una cifra (FECHA_ES: un dígito que no sigue a \w; _RANGO: tras \s+, precedido
    por «del», «el», «los», «entre el» o «los días»): con el texto en bytes, `re` halla las cifras en C (prefijo
    literal) y `patron.match` se prueba solo ahí, en vez de recorrer el texto carácter por carácter. Las cifras
    (= re.finditer(rb"0+", marcas)) se hallan con bytes.find: solo hay b"0" y b" ", y `re` recorre los bytes
    uno a uno (~20 µs por nota) donde find salta en C (memchr). En Latin-1 las únicas cifras son 0-9.
    """
    marcas = (_en_bytes(cuerpo) if crudo is None else crudo).translate(_DIGITOS)
    rango: list[int] = []
    fecha: list[int] = []
    dia = marcas.find(b"0")
    while dia >= 0:
        fecha.append(dia)
        ultima = inicio_palabra_previa(cuerpo, dia)  # «del», «el», «los», «días»
        if ultima >= 0:
            rango.append(ultima)
            anterior = inicio_palabra_previa(cuerpo, ultima)  # «entre», «los»
            if anterior >= 0:
                rango.append(anterior)
        fin = marcas.find(b" ", dia)  # fin de la cifra
        dia = marcas.find(b"0", fin) if fin >= 0 else -1
    return rango, fecha


def _inicios_relativa(cuerpo: str, bajo: bytes, raiz: bytes, previas: tuple[int, ...]) -> list[int]:
    r"""Dónde puede empezar una expresión relativa que contiene `raiz` precedida por `previas` palabras.

    Las regex de _RELATIVAS recorrían el cuerpo entero (en texto no Latin-1, carácter por carácter), y casi todas
    empiezan por e/E: se probaban en cada «e» del texto. Aquí bytes.find halla la raíz en C y se retrocede
    palabra a palabra (\s+ y \w+, como en la regex; la primera empieza donde no sigue a \w): ese es el único
    inicio posible de la coincidencia que contiene esa raíz. Un inicio de más no cambia las coincidencias.
    """
    inicios = set()
    donde = bajo.find(raiz)
    while donde >= 0:
        for n in previas:
            inicio = donde
            for _ in range(n):
                inicio = inicio_palabra_previa(cuerpo, inicio)
                if inicio < 0:
                    break
            if inicio >= 0:
                inicios.add(inicio)
        donde = bajo.find(raiz, donde + 1)
    return sorted(inicios)


def _coincidencias(patron: re.Pattern[str], texto: str, inicios: list[int] | None) -> list[re.Match[str]]:
    """= list(patron.finditer(texto)) si toda coincidencia empieza en `inicios` (patrones sin coincidencias vacías)."""
    if inicios is None:
        return list(patron.finditer(texto))
    return coincidencias_desde(patron, texto, sorted(set(inicios)))


def _candidatas(cuerpo: str, publicacion: date | None) -> list[_Candidata]:
    candidatas: list[_Candidata] = []
    ocupados: list[tuple[int, int]] = []
    crudo = _en_bytes(cuerpo)
    rango, fecha = _inicios(cuerpo, crudo)
    for patron, inicios in ((_RANGO, rango), (FECHA_ES, fecha)):
        for m in _coincidencias(patron, cuerpo, inicios):
            if any(a <= m.start("dia") < b for a, b in ocupados):
                continue
            ocupados.append((m.start(), m.end()))
            fecha = _fecha_de(m, cuerpo, publicacion)
            if fecha is not None:
                candidatas.append(_Candidata(m.start(), m.end(), fecha))
    if publicacion is not None:
        # = palabra in cuerpo.lower(): fuera de ASCII solo İ y K (signo Kelvin) dan una letra ASCII en minúscula
        # (i, k), que ninguna palabra tiene; bytes.lower() cambia solo ASCII y no recorre la tabla Unicode.
        bajo = crudo.lower()
        # «ſ» es la única letra que IGNORECASE iguala a una de las raíces (a «s») y que no pasa a ella en `bajo`.
        sin_anclas = "\u017f" in cuerpo
        for (palabra, patron, dias), (raiz, previas) in zip(_RELATIVAS, _ANCLAS_RELATIVAS, strict=True):
            if bajo.find(palabra) < 0:  # no `in`: con bytes, prueba antes el argumento como entero (un TypeError)
                continue
            if sin_anclas:
                halladas: Iterable[re.Match[str]] = patron.finditer(cuerpo)
            else:
                halladas = coincidencias_desde(patron, cuerpo, _inicios_relativa(cuerpo, bajo, raiz, previas))
            for m in halladas:
                candidatas.append(_Candidata(m.start(), m.end(), publicacion + timedelta(days=dias)))
    return sorted(candidatas, key=lambda c: c.inicio)


def _fecha_de(m: re.Match[str], cuerpo: str, publicacion: date | None) -> date | None:
    """Fecha de una mención de día y mes, o None si es ajena a la actividad."""
    antes = cuerpo[max(0, m.start() - 60) : m.start()]
    antes_corto = cuerpo[max(0, m.start() - 25) : m.start()]
    despues = cuerpo[m.end() : m.end() + 12]
    pasado = bool(_PASADO.search(antes_corto) or _PASADO.match(despues.strip()))
    if not pasado and (_FUTURO.search(antes_corto) or _FUTURO_CERCA.search(antes) or _AJENA.search(antes_corto)):
        return None
    mes = MESES[m.group("mes").lower()]
    dia = int(m.group("dia"))
    if m.group("anio"):
        fecha = crear_fecha(int(m.group("anio")), mes, dia)
        if fecha is None or publicacion is None:
            return fecha
        if fecha > publicacion or publicacion - fecha > _MAX_ANTIGUEDAD:
            return None  # fecha futura o histórica: no es la de la actividad reportada
        return fecha
    if publicacion is None:
        return None  # sin año en el texto ni fecha de publicación: no se puede saber
    return inferir_anio(mes, dia, publicacion)


def fecha_evento(cuerpo: str, fecha_publicacion: str | None) -> Hallazgo | None:
    """Día de la actividad según el cuerpo de la nota, con la oración que lo dice.

    La primera mención válida gana: fecha explícita ("el pasado 3 de diciembre",
    "del 16 al 20 de agosto pasados" → el inicio), o relativa a la publicación
    ("el día de hoy", "en la fecha"). Se ignoran planes ("el próximo 16 de julio"),
    fechas de normas o historia ("creada el ...") y fechas posteriores a la publicación.
    """
    if not cuerpo:
        return None
    publicacion = parsear_iso(fecha_publicacion)
    for candidata in _candidatas(cuerpo, publicacion):
        if publicacion is not None and candidata.fecha > publicacion:
            continue
        evidencia = oracion_de(cuerpo, candidata.inicio, candidata.fin)
        return Hallazgo(valor=candidata.fecha.isoformat(), evidencia=evidencia)
    return None
