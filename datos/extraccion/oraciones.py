"""Partir el texto en oraciones: cada dato extraído se ancla a la oración que lo dice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

# Fin de oración: punto, signo de cierre o salto de línea. No corta en abreviaturas
# frecuentes en las notas ("p. m.", "Sr.", "Dr.", "Av.", "S.A.", iniciales).
_ABREVIATURAS = re.compile(
    r"(?:\b(?:a|p)\.\s?m|\bSr|\bSra|\bDr|\bDra|\bAv|\bJr|\bIng|\bLic|\bEmb|\bMin|\bNo|\bNro|\bEE\.UU|\b[A-ZÁÉÍÓÚ])\.$"
)
# Corte: r"(?<=[.!?…])\s+(?=[«“\"¿¡(]?[A-ZÁÉÍÓÚÑ0-9])|\n+". Se hace en dos pasos con los mismos trozos
# (salvo espacios, que se normalizan): str.split("\n") y, en cada línea, esta regex que empieza por el signo
# de cierre, así `re` salta en C todo lo que no es [.!?…] (3× más rápido que la alternancia).
_FIN_ORACION = re.compile(r"[.!?…]\s+(?=[«“\"¿¡(]?[A-ZÁÉÍÓÚÑ0-9])")
# Cómo puede terminar una coincidencia de _ABREVIATURAS (su \s? solo puede ser " ": los trozos llegan colapsados):
# str.endswith con estas colas descarta en C casi todas las oraciones antes de probar la regex.
_COLAS_ABREVIATURA = (
    "a.m.", "p.m.", "a. m.", "p. m.", "Sr.", "Sra.", "Dr.", "Dra.", "Av.", "Jr.", "Ing.", "Lic.", "Emb.", "Min.",
    "No.", "Nro.", "EE.UU.", *(f"{letra}." for letra in "ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚ"),
)
_COLA_ABREVIATURA = 12  # la abreviatura más larga ("EE.UU.") cabe de sobra: no buscar en toda la oración
# Si una oración termina con una de esas colas, termina en "." y sus dos caracteres anteriores son los de la cola (o
# el anterior es la mayúscula de una inicial): mirar eso con un conjunto evita probar las ~50 colas en cada oración.
_ANTES_DEL_PUNTO = frozenset(cola[-3:-1] for cola in _COLAS_ABREVIATURA if len(cola) > 2)
_INICIALES = frozenset(cola[0] for cola in _COLAS_ABREVIATURA if len(cola) == 2)


def colapsar(texto: str) -> str:
    """`" ".join(texto.split())`, sin rehacer la cadena si ya está colapsada (lo habitual)."""
    # Imprimible ⇒ su único blanco es " " (los demás blancos de str.isspace no son imprimibles).
    if texto.isprintable() and "  " not in texto and texto[:1] != " " and texto[-1:] != " ":
        return texto
    return " ".join(texto.split())


def _fines(linea: str) -> Iterator[re.Match[str]]:
    """= _FIN_ORACION.finditer(linea). Si el único signo de cierre es el punto, la regex se prueba solo en cada
    punto (str.find salta en C; `re` recorrería la línea carácter por carácter)."""
    if "!" in linea or "?" in linea or "…" in linea:
        yield from _FIN_ORACION.finditer(linea)
        return
    punto = linea.find(".")
    while punto >= 0:
        m = _FIN_ORACION.match(linea, punto)
        if m:
            yield m
            punto = linea.find(".", m.end())
        else:
            punto = linea.find(".", punto + 1)


def _trozos(texto: str) -> Iterator[str]:
    for linea in texto.split("\n"):
        if not linea:
            continue  # línea vacía (párrafos separados por "\n\n"): su único trozo sería vacío
        inicio = 0
        for m in _fines(linea):
            yield linea[inicio : m.start() + 1]
            inicio = m.end()
        yield linea[inicio:]


def dividir(texto: str) -> list[str]:
    """Devuelve las oraciones del texto, sin vacías y con espacios normalizados."""
    return list(_dividir(texto))


@lru_cache(maxsize=256)
def _dividir(texto: str) -> tuple[str, ...]:
    # Cacheada: varios módulos parten el mismo cuerpo o párrafo de una nota.
    oraciones: list[str] = []
    pendiente = ""
    for trozo in _trozos(texto):
        trozo = colapsar(trozo)
        if not trozo:
            continue
        pendiente = f"{pendiente} {trozo}".strip() if pendiente else trozo
        if pendiente[-1] == "." and _abreviatura_al_final(pendiente):  # la oración sigue en el trozo siguiente
            continue
        oraciones.append(pendiente)
        pendiente = ""
    if pendiente:
        oraciones.append(pendiente)
    return tuple(oraciones)


def _abreviatura_al_final(oracion: str) -> bool:
    """Si `oracion` (colapsada) termina en abreviatura: entonces no termina ahí y sigue con el trozo siguiente."""
    return bool(
        oracion[-1] == "."
        and (oracion[-3:-1] in _ANTES_DEL_PUNTO or oracion[-2:-1] in _INICIALES)
        and oracion.endswith(_COLAS_ABREVIATURA)
        and _ABREVIATURAS.search(oracion, max(0, len(oracion) - _COLA_ABREVIATURA))
    )


def _linea(texto: str, posicion: int) -> tuple[int, int, list[tuple[int, int]]]:
    """(inicio, fin) de la línea de `posicion` y los tramos (inicio, fin) en `texto` de sus trozos no vacíos."""
    inicio_linea = texto.rfind("\n", 0, posicion) + 1
    fin_linea = texto.find("\n", posicion)
    if fin_linea < 0:
        fin_linea = len(texto)
    linea = texto[inicio_linea:fin_linea]
    tramos = []
    inicio = 0
    for m in _fines(linea):
        tramos.append((inicio_linea + inicio, inicio_linea + m.start() + 1))  # lleva el signo: no es vacío
        inicio = m.end()
    if linea[inicio:] and not linea[inicio:].isspace():  # el último sí puede ser vacío (solo blancos)
        tramos.append((inicio_linea + inicio, fin_linea))
    return inicio_linea, fin_linea, tramos


def _sigue(texto: str, tramo: tuple[int, int]) -> bool:
    """Si la oración sigue tras el trozo texto[tramo]: si termina en abreviatura (ver `_abreviatura_al_final`).

    Sirve también con un tramo que empiece antes del trozo (una línea entera, para su último trozo): la
    abreviatura y el \b que la precede caben en el trozo. Los tres últimos caracteres descartan casi todo sin
    colapsar el trozo, si no hay blancos entre ellos (entonces son los mismos que los del trozo colapsado).
    """
    inicio, fin = tramo
    cola = texto[max(inicio, fin - 8) : fin].rstrip()[-3:]
    if (
        len(cola) == 3
        and " " not in cola
        and cola.isprintable()  # ni otros blancos
        and not (cola[2] == "." and (cola[:2] in _ANTES_DEL_PUNTO or cola[1] in _INICIALES))
    ):
        return False
    return _abreviatura_al_final(colapsar(texto[inicio:fin]))


def oracion_en(texto: str, posicion: int) -> tuple[int, int]:
    """Tramo (inicio, fin) de la oración de `dividir(texto)` que contiene texto[posicion] (que no es blanco).

    `colapsar(texto[inicio:fin].strip())` es esa oración. Sirve para ubicar unas pocas coincidencias halladas en el
    texto entero sin partirlo todo: se parte la línea de `posicion` y, solo si una abreviatura une oraciones a
    través del salto, las vecinas. Los cortes son los de `dividir`: un trozo sigue en el siguiente si termina en
    abreviatura, y eso depende solo del trozo (ninguna abreviatura cruza un corte: los cortes piden mayúscula o
    salto de línea tras el signo, y "a. m." / "p. m." solo unen en minúscula).
    """
    inicio_linea, fin_linea, tramos = _linea(texto, posicion)
    k = 0
    while tramos[k][1] <= posicion:  # (un bucle y no next(genexpr): cerrar el generador a medias lanza GeneratorExit)
        k += 1
    # Hacia atrás: mientras el trozo anterior no vacío (de esta línea o de las anteriores) termine en abreviatura.
    inicio = tramos[k][0]
    anteriores, j = tramos, k - 1
    while True:
        if j < 0:
            # Primer trozo de su línea: el último trozo no vacío anterior termina donde termina el texto previo
            # sin blancos (las líneas en blanco no tienen trozos). Se parte esa línea solo si sigue.
            fin_anterior = len(texto[:inicio_linea].rstrip())
            if not fin_anterior or not _sigue(texto, (texto.rfind("\n", 0, fin_anterior) + 1, fin_anterior)):
                break
            inicio_linea, _, anteriores = _linea(texto, fin_anterior - 1)
            j = len(anteriores) - 1
        if not _sigue(texto, anteriores[j]):
            break
        inicio = anteriores[j][0]
        j -= 1
    # Hacia adelante: mientras el trozo termine en abreviatura y quede otro no vacío.
    fin = tramos[k][1]
    siguientes, j = tramos, k
    while _sigue(texto, siguientes[j]):
        j += 1
        if j == len(siguientes):
            resto = texto[fin_linea:]
            primero = len(texto) - len(resto.lstrip())  # primer carácter no blanco tras la línea
            if primero == len(texto):
                break
            _, fin_linea, siguientes = _linea(texto, primero)
            j = 0
        fin = siguientes[j][1]
    return inicio, fin


def olvidar_textos() -> None:
    """Vacía la caché de `dividir`."""
    _dividir.cache_clear()


def oracion_de(texto: str, inicio: int, fin: int) -> str:
    """La oración que contiene texto[inicio:fin] (para evidencias de coincidencias por posición)."""
    izquierda, derecha = limites_oracion(texto, inicio, fin)
    return colapsar(texto[izquierda:derecha].strip())  # = " ".join(….split()), sin rehacerla si no hace falta


def limites_oracion(texto: str, inicio: int, fin: int) -> tuple[int, int]:
    """(izquierda, derecha) del tramo de `oracion_de`: quien arma muchas evidencias puede guardarlas por tramo."""
    # Primero el salto de línea (un carácter: búsqueda rápida en C) y luego ". " solo dentro de esa línea: buscar
    # ". " de atrás hacia adelante por todo el texto es lento. Un ". " no puede solaparse con el "\n".
    salto = texto.rfind("\n", 0, inicio)
    punto = texto.rfind(". ", salto if salto > 0 else 0, inicio)
    izquierda = max(punto, salto)
    izquierda = 0 if izquierda < 0 else izquierda + 1
    salto = texto.find("\n", fin)
    punto = texto.find(". ", fin) if salto < 0 else texto.find(". ", fin, salto)
    if punto >= 0:
        derecha = punto + 1
    elif salto >= 0:
        derecha = salto + 1
    else:
        derecha = len(texto)
    return izquierda, derecha
