"""Co-participación: qué organizaciones comparten eventos, desde el mart `evento_par`.

El mart tiene una fila por par (a < b) y evento; aquí solo se cuenta sobre los
eventos filtrados. El orden de la matriz agrupa a las organizaciones que
trabajan juntas (aglomeración por enlace promedio sobre la similitud de
Ochiai), calculado en Python sobre la matriz pequeña del top N.

`panorama` da lo que muestra la página (matriz, red, pares, socios y siglas) con una sola
consulta: las funciones sueltas leerían cinco veces los mismos eventos filtrados.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from consultas.ejecucion import filas, tabla
from consultas.filtros import Filtros

COLUMNAS_MATRIZ = ["fila", "columna", "eventos", "etiqueta_fila", "etiqueta_columna", "orden_fila", "orden_columna"]
_ENTERAS = ("eventos", "orden_fila", "orden_columna")  # int64, como los conteos de DuckDB


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

    # La similitud de cada par, calculada una vez (la aglomeración la vuelve a pedir en cada vuelta).
    tabla_sim = {a: {b: sim(a, b) for b in nombres} for a in nombres}
    grupos: list[list[str]] = [[n] for n in nombres]
    while len(grupos) > 1:
        mejor: tuple[float, int, int] | None = None
        for i in range(len(grupos)):
            filas_i = [tabla_sim[a] for a in grupos[i]]
            for j in range(i + 1, len(grupos)):
                grupo_j = grupos[j]
                promedio = sum(fila[b] for fila in filas_i for b in grupo_j) / (len(filas_i) * len(grupo_j))
                if mejor is None or promedio > mejor[0]:
                    mejor = (promedio, i, j)
        _, i, j = mejor
        a, b = grupos[i], grupos[j]
        candidatos = [a + b, a + b[::-1], a[::-1] + b, a[::-1] + b[::-1]]
        unido = max(candidatos, key=lambda c: tabla_sim[c[len(a) - 1]][c[len(a)]])
        grupos[i] = unido
        del grupos[j]
    return grupos[0] if grupos else []


def matriz(f: Filtros, top_n: int = 15) -> pd.DataFrame:
    """Matriz organización × organización en formato largo, simétrica y completa (ceros incluidos).

    Columnas: fila, columna, eventos (diagonal = eventos de la organización),
    etiqueta_fila/etiqueta_columna (sigla o nombre), orden_fila/orden_columna
    (posición en el orden que revela grupos). `df.attrs["orden"]` = nombres en ese orden.
    """
    return _matriz_de(_celdas_de(_top(f, top_n)))


def _celdas_de(df: pd.DataFrame) -> list[tuple]:
    """Filas (organizacion_a, organizacion_b, eventos, sigla_a, sigla_b, tipo_a, tipo_b) de un resultado."""
    columnas = [df[c].tolist() for c in _CELDA]
    filas_ = zip(*columnas, strict=True)
    return [tuple(None if isinstance(v, float) and math.isnan(v) else v for v in f) for f in filas_]


def _matriz_de(celdas: list[tuple]) -> pd.DataFrame:
    eventos: dict[str, int] = {}
    etiquetas: dict[str, str] = {}
    juntos: dict[tuple[str, str], int] = {}
    for a, b, x, sigla_a, *_ in celdas:
        if a == b:
            eventos[a] = x
            etiquetas[a] = _etiqueta(a, sigla_a)
        else:
            juntos[(a, b)] = int(x)
    entrada = sorted(eventos, key=lambda n: (-eventos[n], n))
    orden = ordenar(entrada, eventos, juntos)
    posicion = {n: i for i, n in enumerate(orden)}
    filas_ = []
    for a in orden:
        for b in orden:
            valor = eventos[a] if a == b else juntos.get((a, b)) or juntos.get((b, a)) or 0
            filas_.append((a, b, int(valor), etiquetas[a], etiquetas[b], posicion[a], posicion[b]))
    hay = bool(filas_)  # sin filas, las columnas de texto quedan `object` (como un DataFrame vacío)
    resultado = _marco(filas_, COLUMNAS_MATRIZ, [hay, hay, True, hay, hay, True, True])
    resultado.attrs["orden"] = orden
    return resultado


def red(f: Filtros, top_n: int = 30) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(nodos: organizacion, sigla, tipo, eventos; aristas: organizacion_a, organizacion_b, eventos)."""
    return _red_de(_celdas_de(_top(f, top_n)))


def _red_de(celdas: list[tuple]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodos y aristas de las celdas; cada columna de texto con el tipo que tiene en todas las celdas
    (como al partir un único DataFrame): `object` solo si en ninguna celda hay un valor."""
    hay = [any(c[i] is not None for c in celdas) for i in range(len(_CELDA))]
    nodos = [(a, sigla, tipo, x) for a, b, x, sigla, _, tipo, _ in celdas if a == b]
    aristas = [(a, b, x) for a, b, x, *_ in celdas if a != b]
    return (_marco(nodos, ["organizacion", "sigla", "tipo", "eventos"], [hay[0], hay[3], hay[5], True]),
            _marco(aristas, ["organizacion_a", "organizacion_b", "eventos"], [hay[0], hay[1], True]))


def socios_de(f: Filtros, organizacion: str, n: int = 20) -> pd.DataFrame:
    """socio, sigla, tipo, eventos: con quién comparte eventos `organizacion`."""
    return tabla("socios_de", f, [str(organizacion), max(0, int(n))])


@dataclass(frozen=True)
class Panorama:
    """Lo que muestra la página Coparticipación, igual a lo que dan las funciones sueltas.

    matriz = matriz(f, top_matriz); nodos, aristas = red(f, top_red); pares = pares_principales(f, n_pares);
    socios = socios_de(f, organizacion, n_socios); principales = resumen.socios_principales(f, n_principales).
    """

    matriz: pd.DataFrame
    nodos: pd.DataFrame
    aristas: pd.DataFrame
    pares: pd.DataFrame
    organizacion: str | None
    socios: pd.DataFrame
    principales: pd.DataFrame


_CELDA = ["organizacion_a", "organizacion_b", "eventos", "sigla_a", "sigla_b", "tipo_a", "tipo_b"]


def panorama(
    f: Filtros,
    top_matriz: int = 15,
    top_red: int = 30,
    n_pares: int = 20,
    organizacion: str | None = None,
    n_socios: int = 20,
    n_principales: int = 50,
) -> Panorama:
    """Matriz, red, pares principales, socios y organizaciones principales en una sola consulta.

    Sin `organizacion`, los socios son los de la primera organización de la red (la que la página
    elige por omisión); `Panorama.organizacion` dice cuál.
    """
    top_matriz, top_red, n_pares = max(0, int(top_matriz)), max(0, int(top_red)), max(0, int(n_pares))
    k = max(top_matriz, top_red)
    org = None if organizacion is None else str(organizacion)
    limites = [max(0, int(n_socios)), max(0, int(n_principales))]
    if f.es_vacio():  # variante _todos (marts sin filtrar): sin la cota de los pares
        extras = [k, n_pares, org, org, *limites]
    else:
        extras = [k, n_pares, n_pares, n_pares, org, org, *limites]
    todo = filas("coparticipacion_panorama", f, extras)
    # columnas: parte, organizacion_a, organizacion_b, eventos, sigla_a, sigla_b, tipo_a, tipo_b, puesto_a, puesto_b
    celdas_k = [(r[1:8], r[8], r[9]) for r in todo if r[0] == "celda"]

    def celdas(n: int) -> list[tuple]:
        return [c for c, puesto_a, puesto_b in celdas_k if puesto_a <= n and puesto_b <= n]

    nodos, aristas = _red_de(celdas(top_red))
    pares = [(r[1], r[2], r[3], r[4], r[5]) for r in todo if r[0] == "par"]
    socios = [(r[1], r[4], r[6], r[3]) for r in todo if r[0] == "socio"]
    principales = [(r[1], r[4], r[6], r[3]) for r in todo if r[0] == "principal"]
    if org is None:
        primera = [c for c in celdas(k) if c[0] == c[1]]
        org = str(primera[0][0]) if primera else None
    return Panorama(
        matriz=_matriz_de(celdas(top_matriz)),
        nodos=nodos,
        aristas=aristas,
        pares=_marco(pares, ["organizacion_a", "organizacion_b", "eventos", "sigla_a", "sigla_b"]),
        organizacion=org,
        socios=_marco(socios, ["socio", "sigla", "tipo", "eventos"]),
        principales=_marco(principales, ["organizacion", "sigla", "tipo", "eventos"]),
    )


def _marco(filas_: list[tuple], columnas: list[str], con_texto: list[bool] | None = None) -> pd.DataFrame:
    """DataFrame con los tipos que tendría la consulta suelta: `eventos` int64, textos str.

    DuckDB entrega como `object` (con None) una columna de texto sin ningún valor; aquí igual (o según
    `con_texto`, si la columna viene de un resultado más grande). Armarlo desde tuplas cuesta ~1 ms;
    filtrar y renombrar trozos de un DataFrame costaba ~45 ms de CPU por panorama.
    """
    datos: dict[str, object] = {}
    for i, columna in enumerate(columnas):
        valores = [fila[i] for fila in filas_]
        if columna in _ENTERAS:
            datos[columna] = np.array(valores, dtype=np.int64)
        elif con_texto[i] if con_texto is not None else any(v is not None for v in valores):
            datos[columna] = pd.array(valores, dtype="str")
        else:
            datos[columna] = np.array(valores, dtype=object)
    return pd.DataFrame(datos, columns=columnas, copy=False)
