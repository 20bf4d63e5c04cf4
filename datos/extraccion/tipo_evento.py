"""Tipo de evento por palabras clave del catálogo `tipos_evento.csv`.

Las pistas del título pesan más que las del primer párrafo, y estas más que las
del resto del cuerpo: el título dice qué se hizo, el cuerpo menciona de todo.
A igual puntaje gana el tipo que aparece antes en el catálogo (el más específico).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from datos.extraccion import catalogos
from datos.extraccion.catalogos import dividir_lista, normalizar
from datos.extraccion.modelos import Hallazgo
from datos.extraccion.oraciones import dividir

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
    return _Tipos(tuple(nombres), automata, bordes)


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


def clasificar(titulo: str, cuerpo: str) -> Hallazgo | None:
    """El tipo de actividad más probable, con la oración que lo sugiere; None si nada calza."""
    tipos = _tipos(str(catalogos.carpeta()))
    oraciones = dividir(cuerpo or "")
    fuentes = [(titulo or "", PESO_TITULO)]
    if oraciones:
        fuentes.append((oraciones[0], PESO_PRIMERA_ORACION))
        fuentes += [(o, PESO_CUERPO) for o in oraciones[1:]]
    fuentes = [(texto, peso) for texto, peso in fuentes if texto.strip()]
    hallados = _tipos_en_fuentes([normalizar(texto) for texto, _ in fuentes], tipos)
    # Una pasada por las fuentes, en orden: por tipo hallado, [puntaje, oraciones del cuerpo, peso de la
    # evidencia, evidencia] (la evidencia es la primera fuente del mayor peso; el cuerpo suma hasta el tope).
    estados: dict[int, list] = {}
    for (texto, peso), en_fuente in zip(fuentes, hallados, strict=True):
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
                estado[2], estado[3] = peso, texto
    mejor = None  # (puntaje, -orden, tipo, evidencia): a igual puntaje, el primero del catálogo
    for orden, (puntaje, _, _, evidencia) in estados.items():
        if mejor is None or (puntaje, -orden) > mejor[:2]:
            mejor = (puntaje, -orden, tipos.nombres[orden], evidencia)
    if mejor is None:
        return None
    return Hallazgo(valor=mejor[2], evidencia=" ".join(mejor[3].split()))
