"""Temas de una nota (multi-etiqueta) a partir de las palabras clave de `catalogos/temas.csv`.

Sintaxis de `palabras_clave` (separadas por `|`, sin importar tildes ni mayúsculas):
`palabra` o `frase` exacta; `raíz*` toda palabra que empiece así; `!clave` pista fuerte
(vale 2; la débil vale 1); `!!frase` inequívoca (vale 3). Cada pista distinta cuenta una
vez y aparecer en el título suma 1; un tema se asigna con puntaje ≥ 3. Una palabra con
mayúscula a mitad de oración es parte de un nombre propio ("Dirección Regional de Salud")
y no cuenta. Ver docs/TEMAS.md.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from datos.extraccion import catalogos
from datos.extraccion.modelos import Hallazgo
from datos.extraccion.oraciones import oracion_de
from datos.extraccion.plegado import TextoPlegado, automata, llave

UMBRAL = 3


@dataclass(frozen=True)
class _Pista:
    tema: str
    palabra: str
    peso: int
    raiz: bool


# Valor de una llave del autómata: (¿una sola palabra?, ((tema, palabra, peso, -peso), ...)), en el orden del
# catálogo. Tuplas y no `_Pista`: `clasificar` las desempaca en cada coincidencia, más barato que leer atributos.
_Pistas = tuple[bool, tuple[tuple[str, str, int, int], ...]]


@dataclass(frozen=True, eq=False)
class _Taxonomia:
    temas: tuple[str, ...]
    automata: object
    pistas: dict[str, _Pistas]  # llave del autómata -> sus pistas, listas para el recorrido de `clasificar`


@lru_cache(maxsize=4)
def _taxonomia_para(carpeta: str) -> _Taxonomia:
    pistas: dict[str, list[_Pista]] = {}
    temas = []
    for fila in catalogos.leer_csv("temas"):
        tema = fila.get("tema", "").strip()
        if not tema:
            continue
        temas.append(tema)
        for palabra in catalogos.dividir_lista(fila.get("palabras_clave")):
            peso = 1 + min(len(palabra) - len(palabra.lstrip("!")), 2)
            palabra = palabra.lstrip("!")
            raiz = palabra.endswith("*")
            k = llave(palabra.rstrip("*"), prefijo=raiz)
            if k.strip():
                pistas.setdefault(k, []).append(_Pista(tema, k, peso, raiz))
    llaves = {
        k: (len(v[0].palabra.split()) == 1, tuple((p.tema, p.palabra, p.peso, -p.peso) for p in v))
        for k, v in pistas.items()
    }
    return _Taxonomia(tuple(temas), automata(llaves), llaves)


def _taxonomia() -> _Taxonomia:
    return _taxonomia_para(os.environ.get("ARTICULA_CATALOGOS", ""))


def taxonomia(carpeta: str | None = None) -> _Taxonomia:
    """La taxonomía vigente (para que `organizaciones` busque sus pistas en su misma pasada).

    `carpeta`: el valor de ARTICULA_CATALOGOS si quien llama ya lo leyó (leer el entorno es lento).
    """
    return _taxonomia() if carpeta is None else _taxonomia_para(carpeta)


def pistas_por_llave(tax: _Taxonomia) -> dict[str, _Pistas]:
    """Llave de autómata (ver `plegado.llave`) -> pistas de `tax`."""
    return tax.pistas


class PistasHalladas(NamedTuple):
    """Las pistas de `taxonomia` en `texto` (= `_coincidencias(taxonomia.automata, …)`) que halló otra pasada.

    `organizaciones.buscar_con_temas` recorre la nota una sola vez para organizaciones y temas y entrega
    esto al extractor, que se lo pasa a `clasificar`: así el texto no se recorre dos veces.
    """

    texto: str
    taxonomia: _Taxonomia
    halladas: list


def limpiar_cache() -> None:
    _taxonomia_para.cache_clear()


def _en_nombre_propio(texto: str, inicio: int, una_palabra: bool) -> bool:
    """¿Palabra con mayúscula que no abre oración? ("... de Salud, Trabajo y Educación")"""
    if not una_palabra or not texto[inicio].isupper():
        return False
    # = texto[:inicio].rstrip(…)[-1:], sin copiar todo lo anterior en cada coincidencia
    j = inicio - 1
    while j >= 0 and texto[j] in " \t“\"«(¿¡":
        j -= 1
    return j >= 0 and texto[j] not in ".!?:\n"


def _coincidencias(automata, tp: TextoPlegado) -> list[tuple[int, int, _Pistas]]:  # noqa: ANN001
    """= list(plegado.coincidencias(automata, tp)), con `tp.original` en línea (se llama dos veces por pista)."""
    if not len(automata):
        return []
    cortes, desplazamientos = tp._cortes, tp._desplazamientos
    halladas = []
    for fin_incl, (largo, completa, valor) in automata.iter(tp.busqueda):
        # Sin acotar a [0, len(original)] como `tp.original`: i es una letra de `busqueda`, que está en el original.
        i = fin_incl - largo + 2  # tras el espacio inicial
        inicio = i + desplazamientos[bisect_right(cortes, i) - 1]
        i = fin_incl - 1 if completa else fin_incl  # último carácter de la palabra
        halladas.append((inicio, i + desplazamientos[bisect_right(cortes, i) - 1] + 1, valor))
    return halladas


def clasificar(titulo: str, cuerpo: str, pistas: PistasHalladas | None = None) -> list[Hallazgo]:
    """Temas con evidencia (la oración de su pista más fuerte), del más al menos sustentado.

    `pistas`: las que ya halló otra pasada sobre el mismo texto, que se clasifican con la taxonomía con
    que se hallaron (sin leer otra vez el entorno); si son de otro texto, se ignoran y se recorre el texto.
    """
    titulo = (titulo or "").strip()
    cuerpo = cuerpo or ""
    texto = f"{titulo}\n{cuerpo}" if titulo and titulo not in cuerpo[: len(titulo) + 400] else cuerpo
    if not texto.strip():
        return []
    fin_titulo = len(titulo) if texto.startswith(titulo) else 0
    if pistas is not None and pistas.texto == texto:
        tax, halladas = pistas.taxonomia, pistas.halladas
    else:
        tax = _taxonomia()
        halladas = _coincidencias(tax.automata, TextoPlegado.desde(texto))
    vistas: dict[str, dict[str, int]] = {}
    en_titulo: set[str] = set()
    mejor: dict[str, tuple[int, int, int, int]] = {}  # tema -> (-peso, en título, inicio, fin) de la evidencia
    for oi, of, (una_palabra, pistas) in halladas:
        if oi < fin_titulo:
            en_tit = 1
        # texto[oi].isupper() primero: _en_nombre_propio lo exige, y así la mayoría no parte la palabra de la pista
        elif una_palabra and texto[oi].isupper() and _en_nombre_propio(texto, oi, True):
            continue
        else:
            en_tit = 0
        for tema, palabra, peso, menos_peso in pistas:
            vistas_tema = vistas.get(tema)
            if vistas_tema is None:
                vistas[tema] = {palabra: peso}
            else:
                vistas_tema[palabra] = peso
            if en_tit:
                en_titulo.add(tema)
            actual = mejor.get(tema)
            candidato = (menos_peso, en_tit, oi, of)
            if actual is None or candidato < actual:
                mejor[tema] = candidato
    puntajes = {t: sum(v.values()) + (1 if t in en_titulo else 0) for t, v in vistas.items()}
    elegidos = [t for t in tax.temas if puntajes.get(t, 0) >= UMBRAL]
    elegidos.sort(key=lambda t: -puntajes[t])
    return [Hallazgo(t, oracion_de(texto, mejor[t][2], mejor[t][3])) for t in elegidos]
