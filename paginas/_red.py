"""Disposición determinista de la red de coparticipación (fuerza dirigida simple en numpy, semilla fija).

Misma entrada → mismas posiciones: la red no "salta" entre recargas y las capturas son reproducibles.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def disposicion(
    nodos: list[str], aristas: pd.DataFrame, iteraciones: int = 300, semilla: int = 7
) -> dict[str, tuple[float, float]]:
    """Posiciones (x, y) en [-1, 1] por Fruchterman–Reingold; `aristas`: organizacion_a, organizacion_b, eventos."""
    n = len(nodos)
    if n == 0:
        return {}
    if n == 1:
        return {nodos[0]: (0.0, 0.0)}
    indice = {nombre: i for i, nombre in enumerate(nodos)}
    # Inicio en círculo (determinista) con una perturbación de semilla fija para romper simetrías.
    angulos = np.linspace(0, 2 * np.pi, n, endpoint=False)
    rng = np.random.default_rng(semilla)
    pos = np.column_stack([np.cos(angulos), np.sin(angulos)]) + rng.normal(0, 0.01, (n, 2))
    peso = np.zeros((n, n))
    for fila in aristas.itertuples(index=False):
        a, b = indice.get(fila.organizacion_a), indice.get(fila.organizacion_b)
        if a is None or b is None or a == b:
            continue
        peso[a, b] = peso[b, a] = max(peso[a, b], float(fila.eventos))
    if peso.max() > 0:
        peso = peso / peso.max()
    k = np.sqrt(4.0 / n)
    temperatura = 0.2
    for _ in range(iteraciones):
        delta = pos[:, None, :] - pos[None, :, :]
        distancia = np.linalg.norm(delta, axis=-1)
        np.fill_diagonal(distancia, 1.0)
        distancia = np.maximum(distancia, 1e-3)
        repulsion = (k * k / distancia**2)[:, :, None] * delta
        atraccion = (peso * distancia / k)[:, :, None] * delta
        np.fill_diagonal(repulsion[:, :, 0], 0)
        np.fill_diagonal(repulsion[:, :, 1], 0)
        fuerza = (repulsion - atraccion).sum(axis=1)
        # gravedad suave hacia el centro: los nodos aislados no se alejan sin límite
        fuerza -= 0.05 * pos * n
        largo = np.maximum(np.linalg.norm(fuerza, axis=1), 1e-9)
        pos += (fuerza / largo[:, None]) * np.minimum(largo, temperatura)[:, None]
        temperatura *= 0.985
    pos -= pos.mean(axis=0)
    pos /= np.abs(pos).max() or 1.0
    pos = _separar(pos, minimo=min(0.3, 1.1 / np.sqrt(n)))
    pos -= pos.mean(axis=0)
    pos /= np.abs(pos).max() or 1.0
    return {nombre: (float(pos[i, 0]), float(pos[i, 1])) for nombre, i in indice.items()}


def _separar(pos: np.ndarray, minimo: float, rondas: int = 60) -> np.ndarray:
    """Aparta los nodos a menos de `minimo` entre sí (los grupos densos quedan legibles)."""
    pos = pos.copy()
    n = len(pos)
    for _ in range(rondas):
        delta = pos[:, None, :] - pos[None, :, :]
        distancia = np.linalg.norm(delta, axis=-1)
        np.fill_diagonal(distancia, np.inf)
        cerca = distancia < minimo
        if not cerca.any():
            break
        distancia = np.where(np.isfinite(distancia), np.maximum(distancia, 1e-6), 1.0)
        empuje = np.where(cerca, (minimo - distancia) / 2, 0.0)[:, :, None] * delta / distancia[:, :, None]
        pos += empuje.sum(axis=1) / max(1, n ** 0.5)
    return pos
