"""Fusiones sugeridas: qué organización del catálogo parece ser la misma que un nombre hallado fuera de él.

Se compara con rapidfuzz sobre nombres plegados y sin palabras vacías. Un nombre contenido en otro
("Oficina del Alto Comisionado…" ⊃ "Alto Comisionado…") o que solo difiere por erratas puntúa alto; dos
nombres que difieren en una palabra de contenido ("… de Salud de Tumbes" / "… de Educación de Tumbes")
se castigan: se parecen como cadenas pero son organizaciones distintas.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from datos.curaduria.catalogo import Fila, clave, organizaciones_catalogo

PALABRAS_VACIAS = frozenset("de del la las los el para y e en a al por con".split())
UMBRAL = 60.0
PROBABLE = 85.0
_PARECIDAS = 80.0  # dos palabras con erratas o flexión ("estadística"/"estadísticas")


@dataclass(frozen=True)
class Sugerencia:
    nombre: str  # el nombre hallado fuera del catálogo
    organizacion: str  # la organización (canónica) propuesta
    forma: str  # la forma de esa organización que más se parece (nombre, sigla o alias)
    puntaje: float  # 0–100

    @property
    def probable(self) -> bool:
        return self.puntaje >= PROBABLE


def _palabras(texto: str) -> list[str]:
    return [p for p in clave(texto).replace("-", " ").split() if p not in PALABRAS_VACIAS]


def puntaje(a: str, b: str) -> float:
    """Parecido 0–100 entre dos nombres de organización (simétrico)."""
    pa, pb = _palabras(a), _palabras(b)
    if not pa or not pb:
        return 0.0
    ja, jb = " ".join(pa), " ".join(pb)
    if ja == jb:
        return 100.0
    sa, sb = set(pa), set(pb)
    comunes, union = sa & sb, sa | sb
    solo_a, solo_b = sa - sb, sb - sa
    if not solo_a or not solo_b:  # uno contiene al otro
        if len(comunes) < 2:
            return 100.0 * len(comunes) / len(union) * 0.6
        return 100.0 * (0.6 + 0.4 * len(comunes) / len(union))
    emparejadas = sum(1 for p in solo_a if max(fuzz.ratio(p, q) for q in solo_b) >= _PARECIDAS)
    emparejadas += sum(1 for q in solo_b if max(fuzz.ratio(q, p) for p in solo_a) >= _PARECIDAS)
    fraccion = emparejadas / (len(solo_a) + len(solo_b))
    base = max(fuzz.ratio(ja, jb), fuzz.token_sort_ratio(ja, jb))
    return round(base * (0.7 + 0.3 * fraccion), 1)


def _plegada(texto: str) -> str:
    return " ".join(_palabras(texto))


def sugerencias(
    nombre: str, sigla: str | None = None, catalogo: Iterable[Fila] | None = None, n: int = 3
) -> list[Sugerencia]:
    """Hasta `n` organizaciones del catálogo que podrían ser `nombre`, de la más parecida a la menos.

    rapidfuzz filtra primero (en C, contra todas las formas del catálogo) y solo las 25 formas más
    cercanas pasan por `puntaje`, que es más fino y más lento.
    """
    filas = list(catalogo) if catalogo is not None else organizaciones_catalogo()
    formas = [(forma, fila.nombre) for fila in filas for forma in fila.formas()]
    plegadas = [_plegada(f) for f, _ in formas]
    mejores: dict[str, Sugerencia] = {}
    for propia in [nombre, *([sigla] if sigla else [])]:
        consulta = _plegada(propia)
        if not consulta:
            continue
        cercanas = process.extract(consulta, plegadas, scorer=fuzz.token_set_ratio, limit=25, score_cutoff=50)
        for _, _, i in cercanas:
            forma, organizacion = formas[i]
            valor = puntaje(propia, forma)
            previa = mejores.get(organizacion)
            if valor >= UMBRAL and (previa is None or valor > previa.puntaje):
                mejores[organizacion] = Sugerencia(nombre, organizacion, forma, valor)
    return sorted(mejores.values(), key=lambda s: (-s.puntaje, s.organizacion))[:n]


def parecidas_entre_si(nombres: list[str], umbral: float = PROBABLE) -> list[tuple[str, str, float]]:
    """Pares de nombres fuera del catálogo que parecen la misma organización (p. ej. con y sin "de")."""
    pares = []
    for i, a in enumerate(nombres):
        for b in nombres[i + 1 :]:
            valor = puntaje(a, b)
            if valor >= umbral:
                pares.append((a, b, valor))
    return sorted(pares, key=lambda t: -t[2])
