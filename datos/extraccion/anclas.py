"""Probar una regex solo donde puede empezar: Aho–Corasick halla esos inicios en una pasada.

Es lo mismo que `list(patron.finditer(texto))` cuando toda coincidencia empieza por una de las
palabras del autómata, pero `re` no intenta la alternancia entera en cada carácter del texto.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ahocorasick


def _es_palabra(c: str) -> bool:
    return c.isalnum() or c == "_"  # la definición de \w de `re` para str


# Byte Latin-1 → el mismo si su carácter es \w, espacio si no (las posiciones no cambian).
def inicio_palabra_previa(texto: str, fin: int) -> int:
    r"""Inicio de la palabra (\w+) que antecede a `fin` separada por blancos (\s+); -1 si no hay blanco antes.

    Para retroceder desde una raíz hallada con `find` hasta donde una regex empezaría a probar.
    """
    j = fin - 1
    if j < 0 or not texto[j].isspace():
        return -1
    while j >= 0 and texto[j].isspace():
        j -= 1
    while j >= 0 and _es_palabra(texto[j]):
        j -= 1
    return j + 1


_SOLO_PALABRAS = bytes(b if _es_palabra(chr(b)) else 32 for b in range(256))
# Lo mismo en minúscula (lower() de un carácter Latin-1 es un carácter Latin-1, y \w si el original lo es).
_SOLO_PALABRAS_MINUSCULAS = bytes(ord(chr(b).lower()) if _es_palabra(chr(b)) else 32 for b in range(256))


@dataclass(frozen=True)
class Grupos:
    """Autómata de inicios de varias regex; con `bordes`, sus llaves son " " + palabra (ver `inicios_por_grupo`)."""

    automata: ahocorasick.Automaton
    bordes: bool


def automata_de_grupos(*grupos: list[str] | tuple[str, ...]) -> Grupos:
    """Un autómata para los inicios de varias regex: cada palabra lleva su largo y la máscara de sus grupos.

    Si todas las palabras son letras Latin-1, las llaves llevan un espacio delante: las regex que lo usan solo
    empiezan a comienzo de palabra, y con un solo hijo en la raíz el autómata recorre el texto el doble de rápido.
    """
    mascaras: dict[str, int] = {}
    for i, palabras in enumerate(grupos):
        for palabra in palabras:
            mascaras[palabra] = mascaras.get(palabra, 0) | (1 << i)
    bordes = all(all(_es_palabra(c) for c in p) and max(p) <= "\xff" for p in mascaras)
    automata = ahocorasick.Automaton()
    for palabra, mascara in mascaras.items():
        llave = f" {palabra}" if bordes else palabra
        automata.add_word(llave, (len(llave), mascara))
    automata.make_automaton()
    return Grupos(automata, bordes)


def inicios_por_grupo(grupos: Grupos, texto: str, n: int, minusculas: bool = False) -> list[list[int]]:
    r"""Con una sola pasada del autómata: los inicios (ordenados, sin repetir) de cada uno de los `n` grupos.

    Con `bordes`, se recorre " " + el texto con lo que no es \w como espacio (lo que no es Latin-1 pasa a "?" y de
    ahí a espacio): la llave " palabra" halla la palabra donde empieza una palabra del texto, y en algún sitio más
    (tras una letra fuera de Latin-1), que la regex descarta. Un inicio de más no cambia las coincidencias.

    Con `minusculas`, lo mismo que con `texto.lower()` (sin recorrer la tabla Unicode): Latin-1 pasa a minúscula
    con la tabla de bytes; lo de fuera de Latin-1 pasa a espacio, aunque su minúscula sea Latin-1 (K → k,
    Ÿ → ÿ): eso solo puede sumar inicios si ninguna llave tiene esas letras, y quien lo usa lo garantiza.
    """
    if grupos.bordes:  # la llave lleva un espacio de más y el texto también: el inicio es el mismo
        tabla = _SOLO_PALABRAS_MINUSCULAS if minusculas else _SOLO_PALABRAS
        texto = " " + texto.encode("latin-1", "replace").translate(tabla).decode("latin-1")
    elif minusculas:
        texto = texto.lower()
    conjuntos: list[set[int]] = [set() for _ in range(n)]
    for fin, (largo, mascara) in grupos.automata.iter(texto):
        for i in range(n):
            if mascara >> i & 1:
                conjuntos[i].add(fin - largo + 1)
    return [sorted(c) for c in conjuntos]


def coincidencias_desde(patron: re.Pattern[str], texto: str, inicios: list[int]) -> list[re.Match[str]]:
    """= list(patron.finditer(texto)) si toda coincidencia empieza en uno de los `inicios` (ordenados)."""
    halladas = []
    siguiente = 0
    for inicio in inicios:
        if inicio < siguiente:
            continue
        m = patron.match(texto, inicio)
        if m:
            halladas.append(m)
            siguiente = m.end()
    return halladas
