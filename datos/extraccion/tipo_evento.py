"""Tipo de evento por palabras clave del catálogo `tipos_evento.csv`.

Las pistas del título pesan más que las del primer párrafo, y estas más que las
del resto del cuerpo: el título dice qué se hizo, el cuerpo menciona de todo.
A igual puntaje gana el tipo que aparece antes en el catálogo (el más específico).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import ahocorasick

from datos.extraccion import catalogos
from datos.extraccion.catalogos import dividir_lista, normalizar
from datos.extraccion.modelos import Hallazgo
from datos.extraccion.oraciones import colapsar, dividir, oracion_en

if TYPE_CHECKING:
    from datos.extraccion.pasada import Pasada

PESO_TITULO = 3
PESO_PRIMERA_ORACION = 2
PESO_CUERPO = 1
MAX_ORACIONES_CUERPO = 3  # que un cuerpo largo no tape al título


@dataclass(frozen=True)
class _Tipos:
    """Palabras clave de todos los tipos en un solo autómata: una pasada por oración, no una regex por tipo."""

    nombres: tuple[str, ...]  # en el orden del catálogo (desempata)
    automata: ahocorasick.Automaton | None  # literal → ((orden, es_prefijo), ...)
    # " " + literal con lo que no es \w como espacio → (largo, ((literal, destinos), ...)): ver `_tipos_en_fuentes`.
    bordes: ahocorasick.Automaton | None = None
    # Si `bordes` sirve también sobre el texto entero (ver `_por_posicion`): ninguna llave tiene dos espacios seguidos
    # (no puede saltar de una oración a otra ni cruzar un tramo de blancos) y ningún literal lleva "?".
    por_posicion: bool = False


def _literal(palabra: str) -> tuple[str, bool]:
    """'capacit*' → ('capacit', True): el literal a buscar y si admite más letras detrás."""
    palabra = normalizar(palabra)
    if palabra.endswith("*"):
        return palabra[:-1].strip(), True
    return palabra, False


@lru_cache(maxsize=8)
def _tipos(carpeta: str) -> _Tipos:
    del carpeta  # parte de la clave de la caché
    nombres: list[str] = []
    literales: dict[str, list[tuple[int, bool]]] = {}
    for fila in catalogos.leer_csv("tipos_evento"):
        palabras = [p for p in dividir_lista(fila.get("palabras_clave")) if normalizar(p).strip("*")]
        if fila.get("tipo_evento") and palabras:
            orden = len(nombres)
            nombres.append(fila["tipo_evento"])
            for palabra in palabras:
                literal, prefijo = _literal(palabra)
                if literal and (orden, prefijo) not in literales.setdefault(literal, []):
                    literales[literal].append((orden, prefijo))
    automata = None
    bordes = None
    por_posicion = False
    if literales:
        automata = ahocorasick.Automaton()
        for literal, destinos in literales.items():
            automata.add_word(literal, (len(literal), tuple(destinos)))
        automata.make_automaton()
        if all(_es_palabra(literal[0]) and max(literal) <= "\xff" for literal in literales):  # Latin-1
            por_llave: dict[str, list[tuple[str, tuple[tuple[int, bool], ...]]]] = {}
            for literal, destinos in literales.items():
                llave = " " + "".join(c if _es_palabra(c) else " " for c in literal)
                por_llave.setdefault(llave, []).append((literal, tuple(destinos)))
            bordes = ahocorasick.Automaton()
            for llave, entradas in por_llave.items():
                bordes.add_word(llave, (len(llave), tuple(entradas)))
            bordes.make_automaton()
            por_posicion = not any("  " in llave for llave in por_llave) and not any("?" in x for x in literales)
    return _Tipos(tuple(nombres), automata, bordes, por_posicion)


def _es_palabra(c: str) -> bool:
    return c.isalnum() or c == "_"  # la definición de \w de `re` para str


def _ordenes_que_calzan(plano: str, inicio: int, fin: int, largo: int, destinos) -> list[int]:  # noqa: ANN001
    """Órdenes de `destinos` cuya llave, hallada en plano[inicio:fin + 1], respeta los bordes de palabra.

    Exacta: \\b al inicio y al final; con '*': \\b al inicio y \\w* come el resto de la palabra (basta
    que la última sea letra). Las dos pasadas del módulo (por oración y por nota) usan esta misma regla.
    """
    antes = inicio > 0 and _es_palabra(plano[inicio - 1])
    if antes == _es_palabra(plano[inicio]):
        return []  # sin \b al inicio
    ultima = _es_palabra(plano[fin])
    despues = fin + 1 < largo and _es_palabra(plano[fin + 1])
    return [orden for orden, prefijo in destinos if ((ultima or despues) if prefijo else ultima != despues)]

def _tipos_en(plano: str, tipos: _Tipos) -> set[int]:
    """Órdenes de los tipos con alguna palabra clave entre límites de palabra (como r"\b(?:…)\b")."""
    hallados: set[int] = set()
    if tipos.automata is None:
        return hallados
    largo = len(plano)
    for fin, (n, destinos) in tipos.automata.iter(plano):
        hallados.update(_ordenes_que_calzan(plano, fin - n + 1, fin, largo, destinos))
    return hallados


# Byte Latin-1 → el mismo si su carácter es \w, espacio si no: las posiciones no cambian.
_SOLO_PALABRAS = bytes(b if _es_palabra(chr(b)) else 32 for b in range(256))


def _tipos_en_fuentes(planos: list[str], tipos: _Tipos) -> list[set[int]]:
    r"""= [_tipos_en(p, tipos) for p in planos], con una sola pasada de autómata para todas las fuentes.

    Todos los literales empiezan por \w, así que toda coincidencia de `_tipos_en` sigue a algo que no es \w (o
    al comienzo): en el texto unido " " + " ".join(planos), con lo que no es \w cambiado por espacio, la llave
    " " + literal la halla. Las llaves solo pueden empezar tras un espacio, que es lo que abarata el autómata
    (de la raíz sale una sola rama). Cada hallazgo se comprueba después contra su fuente con las mismas reglas.
    """
    if tipos.bordes is None:
        return [_tipos_en(p, tipos) for p in planos]
    unido = " " + " ".join(planos)
    # Lo que no es Latin-1 pasa a "?" y luego a espacio: como los literales son Latin-1 (ver _tipos), eso solo
    # puede sumar candidatos (que la comprobación descarta), nunca quitar uno.
    mapeado = unido.encode("latin-1", "replace").translate(_SOLO_PALABRAS).decode("latin-1")
    comienzos = []  # posición en `unido` del primer carácter de cada fuente
    pos = 1
    for plano in planos:
        comienzos.append(pos)
        pos += len(plano) + 1
    hallados: list[set[int]] = [set() for _ in planos]
    for fin_llave, (n, entradas) in tipos.bordes.iter(mapeado):
        en_unido = fin_llave - n + 2  # primer carácter del literal (tras el espacio de la llave)
        k = bisect_right(comienzos, en_unido) - 1
        plano = planos[k]
        inicio = en_unido - comienzos[k]
        largo = len(plano)
        for literal, destinos in entradas:
            fin = inicio + len(literal) - 1
            if fin >= largo or not plano.startswith(literal, inicio):
                continue  # cruza a otra fuente o la llave igualó puntuación con espacio
            hallados[k].update(_ordenes_que_calzan(plano, inicio, fin, largo, destinos))
    return hallados


# Signos fuera de Latin-1 que `normalizar` deja iguales y no son \w ni blancos: en el texto entero pasan a "?" (otro
# signo igual de inerte para las llaves y los literales, que no lo llevan) para poder codificarlo en Latin-1.
_SIGNOS = tuple(s for s in "“”‘’–—•" if normalizar(f"a{s}a") == f"a{s}a")
_MARCA = 1  # byte de lo que `_PLANO` no sabe plegar: con uno, el texto va por oraciones


def _tablas_de_plegado() -> tuple[bytes, bytes]:
    r"""Byte Latin-1 → su carácter en `normalizar` (`_PLANO`) y lo mismo con lo que no es \w como espacio (`_LLAVES`).

    Salen de `normalizar` mismo, carácter por carácter entre letras. " " y "\n" se conservan en el plano (el salto
    no calza con ningún literal: ninguna coincidencia cruza de una línea a otra); los demás blancos (que `normalizar`
    colapsa) y lo que no da un solo carácter Latin-1 llevan la marca.
    """
    plano = bytearray(256)
    llaves = bytearray(256)
    for b in range(256):
        c = chr(b)
        n = normalizar(f"a{c}a")
        if c in " \n":
            plano[b], llaves[b] = b, 32
        elif b == _MARCA or c.isspace() or len(n) != 3 or n[1] > "\xff" or n[1].isspace():
            plano[b] = llaves[b] = _MARCA
        else:
            plano[b] = ord(n[1])
            llaves[b] = ord(n[1]) if _es_palabra(n[1]) else 32
    return bytes(plano), bytes(llaves)


_PLANO, _LLAVES = _tablas_de_plegado()


@dataclass(frozen=True)
class Plegado:
    """Título y cuerpo de una nota plegados como `normalizar`, carácter por carácter (ver `plegar`)."""

    titulo: str  # sin blancos en los bordes ("" si no hay)
    cuerpo: str
    plano: str  # " " + título + "\n" + cuerpo (o " " + cuerpo), en minúsculas y sin tildes
    llaves: str  # `plano` con lo que no es \w como espacio: lo que recorren los autómatas de llaves " palabra"
    base: int  # posición del cuerpo en `plano`


def plegar(titulo: str, cuerpo: str) -> Plegado | None:
    r"""El título y el cuerpo plegados, con las posiciones del texto; None si plegar no equivale a `normalizar`.

    Equivale, para buscar las llaves de `_Tipos.bordes`, a normalizar oración por oración si no hay tramos de
    blancos que `normalizar` colapsaría dentro de una oración: sin "  " ni otros blancos que " " y "\n", solo
    quedan los saltos tras una abreviatura, que siguen a un punto y ninguna llave (sin dos espacios) salva. Los
    caracteres que la tabla no pliega (los que `normalizar` cambia de largo o colapsa) también dan None.
    """
    titulo = titulo.strip()
    texto = f" {titulo}\n{cuerpo}" if titulo else f" {cuerpo}"  # el espacio inicial: las llaves empiezan por " "
    if "  " in texto or "\n" in titulo:
        return None
    for signo in _SIGNOS:
        if signo in texto:
            texto = texto.replace(signo, "?")
    try:
        crudo = texto.encode("latin-1")
    except UnicodeEncodeError:
        return None
    llaves = crudo.translate(_LLAVES)
    if _MARCA in llaves:
        return None
    plano = crudo.translate(_PLANO).decode("latin-1")
    return Plegado(titulo, cuerpo, plano, llaves.decode("latin-1"), len(texto) - len(cuerpo))


def _por_posicion(
    plegado: Plegado, tipos: _Tipos, coincidencias: Iterable[tuple[int, tuple]]
) -> list[tuple[int, object, set[int]]]:
    """= `_por_oracion`, con las `coincidencias` (inicio en `plegado.plano`, entradas de `_Tipos.bordes`) de una
    sola pasada por el título y el cuerpo enteros: cada una se ubica en su oración con `oraciones.oracion_en`
    (solo las pocas que calzan), sin partir ni normalizar el cuerpo.
    """
    plano, base, cuerpo = plegado.plano, plegado.base, plegado.cuerpo
    primera = len(cuerpo) - len(cuerpo.lstrip())  # en el cuerpo: su primer carácter no blanco está en la 1.ª oración
    largo = len(plano)
    fuentes: dict[object, tuple[int, object, set[int]]] = {}  # fuente → (peso, evidencia, órdenes); en orden
    for inicio, entradas in coincidencias:
        for literal, destinos in entradas:
            fin = inicio + len(literal) - 1
            if not plano.startswith(literal, inicio):
                continue  # la llave igualó puntuación (o un salto de línea) con espacio
            ordenes = _ordenes_que_calzan(plano, inicio, fin, largo, destinos)
            if not ordenes:
                continue
            if inicio < base:
                fuente, peso, evidencia = "titulo", PESO_TITULO, plegado.titulo
            else:
                fuente = evidencia = oracion_en(cuerpo, inicio - base)
                peso = PESO_PRIMERA_ORACION if fuente[0] <= primera else PESO_CUERPO
            if fuente not in fuentes:
                fuentes[fuente] = (peso, evidencia, set())
            fuentes[fuente][2].update(ordenes)
    return list(fuentes.values())


def coincidencias(plegado: Plegado, tipos: _Tipos) -> list[tuple[int, tuple]]:
    """(inicio en `plegado.plano`, entradas) de cada llave de `tipos.bordes` (quien ya recorrió el texto con un
    autómata combinado las pasa a `clasificar` sin recorrerlo otra vez)."""
    return [(fin - n + 2, entradas) for fin, (n, entradas) in tipos.bordes.iter(plegado.llaves)]


def _por_oracion(titulo: str, cuerpo: str, tipos: _Tipos) -> list[tuple[int, object, set[int]]]:
    """(peso, evidencia, órdenes de los tipos hallados) de cada fuente: el título y cada oración del cuerpo."""
    oraciones = dividir(cuerpo)
    fuentes = [(titulo, PESO_TITULO)]
    if oraciones:
        fuentes.append((oraciones[0], PESO_PRIMERA_ORACION))
        fuentes += [(o, PESO_CUERPO) for o in oraciones[1:]]
    fuentes = [(texto, peso) for texto, peso in fuentes if texto.strip()]
    hallados = _tipos_en_fuentes([normalizar(texto) for texto, _ in fuentes], tipos)
    return [(peso, texto, en_fuente) for (texto, peso), en_fuente in zip(fuentes, hallados, strict=True)]


def tipos() -> _Tipos:
    """Los tipos del catálogo en uso (cacheados por carpeta)."""
    return _tipos(str(catalogos.carpeta()))


def plegar_llave(palabra: str) -> str | None:
    r"""" " + `palabra` plegada como en `Plegado.llaves` (llave de autómata); None si no se pliega sola (fuera de
    Latin-1, o con algo que no es \w)."""
    try:
        llave = palabra.encode("latin-1").translate(_LLAVES).decode("latin-1")
    except UnicodeEncodeError:
        return None
    return f" {llave}" if llave.isalnum() else None


def clasificar(titulo: str, cuerpo: str, pasada: Pasada | None = None) -> Hallazgo | None:
    """El tipo de actividad más probable, con la oración que lo sugiere; None si nada calza.

    Con `pasada` (ver `datos.extraccion.pasada`), el texto ya está plegado y recorrido: no se vuelve a hacer.
    """
    titulo = titulo or ""
    cuerpo = cuerpo or ""
    if pasada is not None:
        catalogo = pasada.tipos
        fuentes = _por_posicion(pasada.plegado, catalogo, pasada.coincidencias_tipo)
    else:
        catalogo = tipos()
        plegado = plegar(titulo, cuerpo) if catalogo.por_posicion else None
        if plegado is not None:
            fuentes = _por_posicion(plegado, catalogo, coincidencias(plegado, catalogo))
        else:
            fuentes = _por_oracion(titulo, cuerpo, catalogo)
    # Una pasada por las fuentes, en orden: por tipo hallado, [puntaje, oraciones del cuerpo, peso de la
    # evidencia, evidencia] (la evidencia es la primera fuente del mayor peso; el cuerpo suma hasta el tope).
    estados: dict[int, list] = {}
    for peso, evidencia, en_fuente in fuentes:
        for orden in en_fuente:
            estado = estados.get(orden)
            if estado is None:
                estados[orden] = estado = [0, 0, 0, ""]
            if peso == PESO_CUERPO:
                estado[1] += 1
                if estado[1] > MAX_ORACIONES_CUERPO:
                    continue
            estado[0] += peso
            if peso > estado[2]:
                estado[2], estado[3] = peso, evidencia
    nombres = catalogo.nombres
    mejor = None  # (puntaje, -orden, tipo, evidencia): a igual puntaje, el primero del catálogo
    for orden, (puntaje, _, _, evidencia) in estados.items():
        if mejor is None or (puntaje, -orden) > mejor[:2]:
            mejor = (puntaje, -orden, nombres[orden], evidencia)
    if mejor is None:
        return None
    evidencia = mejor[3]
    if isinstance(evidencia, tuple):  # tramo de una oración del cuerpo (ver `_por_posicion`)
        evidencia = colapsar(cuerpo[evidencia[0] : evidencia[1]].strip())
    return Hallazgo(valor=mejor[2], evidencia=" ".join(evidencia.split()))
