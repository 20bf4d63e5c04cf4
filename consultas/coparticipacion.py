"""Co-participación: qué organizaciones comparten eventos, desde el mart `evento_par`.

El mart tiene una fila por par (a < b) y evento; aquí solo se cuenta sobre los
eventos filtrados. El orden de la matriz agrupa a las organizaciones que
trabajan juntas (aglomeración por enlace promedio sobre la similitud de
Ochiai), calculado en Python sobre la matriz pequeña del top N.
"""

from __future__ import annotations

import math

import pandas as pd

from consultas.ejecucion import tabla
from consultas.filtros import Filtros

COLUMNAS_MATRIZ = ["fila", "columna", "eventos", "etiqueta_fila", "etiqueta_columna", "orden_fila", "orden_columna"]


def pares_principales(f: Filtros, n: int = 20) -> pd.DataFrame:
    """organizacion_a, organizacion_b, eventos (más sigla_a, sigla_b): los n pares con más eventos juntos."""
    return tabla("pares_principales", f, [max(0, int(n))])


def _top(f: Filtros, top_n: int) -> pd.DataFrame:
    return tabla("coparticipacion_top", f, [max(0, int(top_n))])


def _etiqueta(nombre: str, sigla: object) -> str:
    return sigla if isinstance(sigla, str) and sigla else nombre


def ordenar(nombres: list[str], eventos: dict[str, int], juntos: dict[tuple[str, str], int]) -> list[str]:
    """Orden que deja contiguas a las organizaciones que comparten eventos.

    Aglomeración por enlace promedio sobre la similitud de Ochiai
    (compartidos / √(eventos_a · eventos_b)); al unir dos grupos se elige la
    orientación que deja más parecidos a los vecinos del empalme. Los empates se
    resuelven por el orden de entrada (de más a menos eventos).
    """

    def sim(a: str, b: str) -> float:
        compartidos = juntos.get((a, b)) or juntos.get((b, a)) or 0
        base = math.sqrt(max(eventos.get(a, 0), 1) * max(eventos.get(b, 0), 1))
        return compartidos / base

    grupos: list[list[str]] = [[n] for n in nombres]
    while len(grupos) > 1:
        mejor: tuple[float, int, int] | None = None
        for i in range(len(grupos)):
            for j in range(i + 1, len(grupos)):
                promedio = sum(sim(a, b) for a in grupos[i] for b in grupos[j]) / (len(grupos[i]) * len(grupos[j]))
                if mejor is None or promedio > mejor[0]:
                    mejor = (promedio, i, j)
        _, i, j = mejor
        a, b = grupos[i], grupos[j]
        candidatos = [a + b, a + b[::-1], a[::-1] + b, a[::-1] + b[::-1]]
        unido = max(candidatos, key=lambda c: sim(c[len(a) - 1], c[len(a)]))
        grupos[i] = unido
        del grupos[j]
    return grupos[0] if grupos else []


def matriz(f: Filtros, top_n: int = 15) -> pd.DataFrame:
    """Matriz organización × organización en formato largo, simétrica y completa (ceros incluidos).

    Columnas: fila, columna, eventos (diagonal = eventos de la organización),
    etiqueta_fila/etiqueta_columna (sigla o nombre), orden_fila/orden_columna
    (posición en el orden que revela grupos). `df.attrs["orden"]` = nombres en ese orden.
    """
    celdas = _top(f, top_n)
    diagonal = celdas[celdas["organizacion_a"] == celdas["organizacion_b"]]
    eventos = dict(zip(diagonal["organizacion_a"], diagonal["eventos"], strict=True))
    etiquetas = {n: _etiqueta(n, s) for n, s in zip(diagonal["organizacion_a"], diagonal["sigla_a"], strict=True)}
    fuera = celdas[celdas["organizacion_a"] != celdas["organizacion_b"]]
    juntos = {
        (a, b): int(x)
        for a, b, x in zip(fuera["organizacion_a"], fuera["organizacion_b"], fuera["eventos"], strict=True)
    }
    entrada = sorted(eventos, key=lambda n: (-eventos[n], n))
    orden = ordenar(entrada, eventos, juntos)
    posicion = {n: i for i, n in enumerate(orden)}
    filas = []
    for a in orden:
        for b in orden:
            valor = eventos[a] if a == b else juntos.get((a, b)) or juntos.get((b, a)) or 0
            filas.append((a, b, int(valor), etiquetas[a], etiquetas[b], posicion[a], posicion[b]))
    resultado = pd.DataFrame(filas, columns=COLUMNAS_MATRIZ)
    resultado = resultado.astype({"eventos": "int64", "orden_fila": "int64", "orden_columna": "int64"})
    resultado.attrs["orden"] = orden
    return resultado


def red(f: Filtros, top_n: int = 30) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(nodos: organizacion, sigla, tipo, eventos; aristas: organizacion_a, organizacion_b, eventos)."""
    celdas = _top(f, top_n)
    mismos = celdas["organizacion_a"] == celdas["organizacion_b"]
    nodos = (
        celdas[mismos]
        .rename(columns={"organizacion_a": "organizacion", "sigla_a": "sigla", "tipo_a": "tipo"})[
            ["organizacion", "sigla", "tipo", "eventos"]
        ]
        .reset_index(drop=True)
    )
    aristas = celdas[~mismos][["organizacion_a", "organizacion_b", "eventos"]].reset_index(drop=True)
    return nodos, aristas


def socios_de(f: Filtros, organizacion: str, n: int = 20) -> pd.DataFrame:
    """socio, sigla, tipo, eventos: con quién comparte eventos `organizacion`."""
    return tabla("socios_de", f, [str(organizacion), max(0, int(n))])
