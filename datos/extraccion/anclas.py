"""Probar una regex solo donde puede empezar: Aho–Corasick halla esos inicios en una pasada.

Es lo mismo que `list(patron.finditer(texto))` cuando toda coincidencia empieza por una de las
palabras del autómata, pero `re` no intenta la alternancia entera en cada carácter del texto.
"""

from __future__ import annotations

import re

import ahocorasick


def automata_de_inicios(palabras: list[str] | tuple[str, ...]) -> ahocorasick.Automaton:
    """Autómata cuyas coincidencias dan la longitud de la palabra hallada (para ubicar su inicio)."""
    automata = ahocorasick.Automaton()
    for palabra in palabras:
        automata.add_word(palabra, len(palabra))
    automata.make_automaton()
    return automata


def coincidencias(
    patron: re.Pattern[str], inicios: ahocorasick.Automaton, texto: str, busqueda: str | None = None
) -> list[re.Match[str]]:
    """Coincidencias sin solaparse de `patron` en `texto`, probadas solo donde `inicios` halla una palabra.

    `busqueda` es el texto donde se buscan los inicios (p. ej. el texto en minúsculas); debe tener el
    mismo largo que `texto`. Por omisión, el propio texto.
    """
    halladas = []
    siguiente = 0
    for inicio in sorted({fin - n + 1 for fin, n in inicios.iter(texto if busqueda is None else busqueda)}):
        if inicio < siguiente:
            continue
        m = patron.match(texto, inicio)
        if m:
            halladas.append(m)
            siguiente = m.end()
    return halladas


def automata_de_grupos(*grupos: list[str] | tuple[str, ...]) -> ahocorasick.Automaton:
    """Un autómata para los inicios de varias regex: cada palabra lleva su largo y la máscara de sus grupos."""
    mascaras: dict[str, int] = {}
    for i, palabras in enumerate(grupos):
        for palabra in palabras:
            mascaras[palabra] = mascaras.get(palabra, 0) | (1 << i)
    automata = ahocorasick.Automaton()
    for palabra, mascara in mascaras.items():
        automata.add_word(palabra, (len(palabra), mascara))
    automata.make_automaton()
    return automata


def inicios_por_grupo(automata: ahocorasick.Automaton, texto: str, grupos: int) -> list[list[int]]:
    """Con una sola pasada de `automata_de_grupos`: los inicios (ordenados, sin repetir) de cada grupo."""
    conjuntos: list[set[int]] = [set() for _ in range(grupos)]
    for fin, (n, mascara) in automata.iter(texto):
        for i in range(grupos):
            if mascara >> i & 1:
                conjuntos[i].add(fin - n + 1)
    return [sorted(c) for c in conjuntos]


def coincidencias_desde(patron: re.Pattern[str], texto: str, inicios: list[int]) -> list[re.Match[str]]:
    """Como `coincidencias`, con los inicios ya hallados (ordenados)."""
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
