"""Espacios de coordinación con nombre: mesas, comisiones, redes, conferencias, foros.

Un espacio se reconoce por su cabeza ("Mesa", "Comisión", "Red", "Conferencia",
"Grupo de Trabajo", "Consejo", "Reunión de Alto Nivel" ...) seguida de un nombre propio
(palabras con mayúscula unidas por conectores), o por un foro con nombre entre
comillas (conversatorio “…”). Las menciones posteriores ("la Mesa", "la Mesa de
Trabajo", "la Mesa … en la región") no crean un espacio nuevo: se agrupan con el
nombre más completo.
"""

from __future__ import annotations

import re

from datos.extraccion import organizaciones
from datos.extraccion.anclas import automata_de_grupos, coincidencias_desde, inicios_por_grupo
from datos.extraccion.modelos import Hallazgo
from datos.extraccion.oraciones import oracion_de
from datos.extraccion.plegado import clave

_CAP = r"[A-ZÁÉÍÓÚÜÑ][\w'’\-]*"
_CONECTOR = r"(?:de|del|la|las|los|el|para|sobre|en|con|contra|frente|y|e|a|al|entre)"
_CABEZA = (
    r"Mesas?|Comisión|Comité|Red|Conferencia|Reunión|Grupo(?: de Trabajo)?|Consejo|Foro|Cumbre|Gabinete"
    r"|Mecanismo|Diálogo|Plataforma|Encuentro|Coloquio|Asamblea|Junta|Plenario|Sesión|Ronda"
)
_NOMBRADO = re.compile(
    rf"(?<![\w])(?:(?P<cabeza>{_CABEZA})|(?P<minuscula>{_CABEZA.lower()})(?= (?:de |del )?(?!(?:{_CABEZA})\b){_CAP}))"
    rf"(?P<resto>(?:(?: en el marco(?= de))? (?:{_CONECTOR} )*{_CAP})+)"
)
# Toda coincidencia de _NOMBRADO / _ENTRE_COMILLAS empieza por una de sus cabezas (tal cual o en minúscula; las
# regex no usan IGNORECASE): con Aho–Corasick se hallan en una pasada las posiciones donde vale la pena probar la
# regex, en vez de que `re` intente la alternancia de cabezas en cada carácter (mismas coincidencias).
_CABEZAS_SIMPLES = re.sub(r"\(\?:[^)]*\)\?|.\?", "", _CABEZA).split("|")  # sin partes opcionales: "Mesa", "Grupo"
# Un solo autómata para las dos regex (una pasada por nota): grupo 0 = _ENTRE_COMILLAS, grupo 1 = _NOMBRADO.
CABEZAS = (
    [f for c in ("Conversatorio", "Foro", "Seminario", "Encuentro", "Cumbre", "Diálogo", "Coloquio")
     for f in (c, c.lower())],
    [f for c in _CABEZAS_SIMPLES for f in (c, c.lower())],
)
_INICIOS = automata_de_grupos(*CABEZAS)


_MARCO = re.compile(r" en el marco (del?)\b")
_ENTRE_COMILLAS = re.compile(
    r"(?<![\w])(?P<cabeza>[Cc]onversatorio|[Ff]oro|[Ss]eminario|[Ee]ncuentro|[Cc]umbre|[Dd]iálogo|[Cc]oloquio)"
    r"(?: (?:virtual|internacional|regional|binacional|nacional|denominado|titulado))*"
    r" [“\"«](?P<nombre>[^”\"»\n]{3,150})[”\"»]"
)
_SOLO_CABEZA = {"mesa", "mesa de trabajo", "grupo de trabajo", "grupo", "comision", "consejo", "red", "reunion",
                "mesas", "sesion"}
_CONECTORES = set(_CONECTOR.strip("(?:)").split("|"))
_UBICACION_FINAL = re.compile(
    r" (?:en|de|del) (?:la |el )?(?:[Rr]egión |[Pp]rovincia |[Cc]iudad |[Dd]epartamento )?(?:de )?"
    rf"{_CAP}(?: (?:de |del )?{_CAP})*$"
)
# Palabras con mayúscula que no alcanzan para nombrar un espacio ("la Reunión Ordinaria").
_GENERICAS = {"trabajo", "ordinaria", "extraordinaria", "tecnica", "central", "directiva", "general"}


def _recortar(nombre: str) -> str:
    palabras = nombre.split()
    while palabras and palabras[-1] in _CONECTORES:
        palabras.pop()
    return " ".join(palabras)


def _parte_de_otro_nombre(texto: str, inicio: int) -> bool:
    """'Presidencia del Consejo de Ministros': la cabeza sigue a 'Nombre de/del'."""
    antes = texto[max(0, inicio - 40) : inicio].split()
    return len(antes) >= 2 and antes[-1] in ("de", "del", "de la") and antes[-2][:1].isupper()


def _candidatos(texto: str, inicios: list[list[int]] | None):
    comillas, nombrado = inicios_por_grupo(_INICIOS, texto, 2) if inicios is None else inicios
    for m in coincidencias_desde(_ENTRE_COMILLAS, texto, comillas):
        nombre = " ".join(m.group("nombre").split()).strip(" .,")
        yield f"{m.group('cabeza').capitalize()} {nombre}", m.start(), m.end()
    for m in coincidencias_desde(_NOMBRADO, texto, nombrado):
        # "reunión de Alto Nivel en el marco del Pacto …" es la reunión del Pacto.
        cabeza = m.group("cabeza") or m.group("minuscula")
        nombre = _recortar(_MARCO.sub(r" \1", f"{cabeza}{m.group('resto')}"))
        k = clave(nombre)
        palabras = [p for p in k.split() if p not in _CONECTORES]
        if k in _SOLO_CABEZA or len(palabras) < 2 or all(p in _GENERICAS for p in palabras[1:]):
            continue
        if _parte_de_otro_nombre(texto, m.start()) or organizaciones.es_organizacion(nombre):
            continue
        yield nombre[0].upper() + nombre[1:], m.start(), m.end()


def _llave(nombre: str) -> str:
    """Nombre sin la ubicación final ('… Migrantes en Tumbes' ~ '… Migrantes de la Región Tumbes')."""
    sin_lugar = _UBICACION_FINAL.sub("", nombre)
    return clave(sin_lugar if len(sin_lugar.split()) >= 3 else nombre)


def con_titulo(cuerpo: str, titulo: str | None) -> bool:
    """Si se busca en el título y el cuerpo (f"{titulo.strip()}\\n{cuerpo}") o solo en el cuerpo."""
    return bool(titulo and titulo.strip() and titulo.strip() not in cuerpo)


def buscar(cuerpo: str, titulo: str | None = None, inicios: list[list[int]] | None = None) -> list[Hallazgo]:
    """Espacios de coordinación nombrados en la nota, sin repetir, con la oración de su primera mención.

    `inicios`: dónde probar cada regex (= `inicios_por_grupo(_INICIOS, texto, 2)` o más), si ya se recorrió el
    texto con un autómata que tiene las `CABEZAS` (ver `pasada`).
    """
    cuerpo = cuerpo or ""
    texto = f"{titulo.strip()}\n{cuerpo}" if con_titulo(cuerpo, titulo) else cuerpo
    grupos: list[dict] = []  # {"llaves": set, "nombre": str, "pos": int, "evidencia": (ini, fin)}
    for nombre, inicio, fin in _candidatos(texto, inicios):
        llave = _llave(nombre)
        grupo = None
        for g in grupos:
            if any(llave == k or llave.startswith(k + " ") or k.startswith(llave + " ") for k in g["llaves"]):
                grupo = g
                break
        if grupo is None:
            grupos.append({"llaves": {llave}, "nombre": nombre, "pos": inicio, "evidencia": (inicio, fin)})
            continue
        grupo["llaves"].add(llave)
        if len(nombre) > len(grupo["nombre"]):
            grupo["nombre"] = nombre
        if inicio < grupo["pos"]:
            grupo["pos"], grupo["evidencia"] = inicio, (inicio, fin)
    grupos.sort(key=lambda g: g["pos"])
    return [Hallazgo(g["nombre"], oracion_de(texto, *g["evidencia"])) for g in grupos]
