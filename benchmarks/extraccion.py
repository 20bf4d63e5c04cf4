"""Velocidad de `extractor.extraer` en un proceso: notas incluidas y notas sintéticas.

Uso: `python -m benchmarks.extraccion [--notas N] [--repeticiones R] [--etapas]`.

Mide tiempo de reloj y tiempo de CPU del proceso (la máquina se comparte: la CPU
depende poco de la carga, el reloj mucho) y se queda con la mejor de R pasadas.
Las cachés de texto (normalizar, oraciones) se vacían al empezar cada pasada y,
en las notas incluidas —pocas y repetidas—, antes de cada nota: así repetir no
cuenta como acierto de caché. Meta del issue 4: ≥ 2 000 notas/s por núcleo.
"""

from __future__ import annotations

import argparse
import glob
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from benchmarks import sintetico
from datos.extraccion import extractor, lectura
from datos.extraccion.modelos import NotaCruda

META_NOTAS_S = 2_000
_RAIZ = Path(__file__).resolve().parent.parent
# Funciones que `extraer` llama, por módulo: para desglosar el tiempo con --etapas.
_ETAPAS = (
    ("limpieza", "limpiar"),
    ("encabezado", "leer"),
    ("fechas", "fecha_evento"),
    ("lugares", "ubicar"),
    ("organizaciones", "buscar_con_temas"),
    ("tipo_evento", "clasificar"),
    ("espacios", "buscar"),
    ("temas", "clasificar"),
)


def notas_incluidas() -> list[NotaCruda]:
    rutas = sorted(glob.glob(str(_RAIZ / "datos" / "notas" / "*.txt")))
    return [r for r in lectura.leer(rutas) if isinstance(r, NotaCruda)]


def notas_sinteticas(n: int, semilla: int) -> list[NotaCruda]:
    return [
        NotaCruda(archivo=s.nombre, texto=s.texto, formato="txt", url=s.url, sintetica=True)
        for s in sintetico.generar(n, semilla, prefijo="bench")
    ]


class _Etapas:
    """Envuelve las funciones de cada módulo para sumar su tiempo de CPU."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self._originales: list[tuple[object, str, Callable]] = []

    def __enter__(self) -> _Etapas:
        for modulo_nombre, funcion in _ETAPAS:
            modulo = getattr(extractor, modulo_nombre)
            original = getattr(modulo, funcion)

            def envuelta(*args, _f=original, _clave=f"{modulo_nombre}.{funcion}", **kwargs):  # noqa: ANN002, ANN003, ANN202
                t0 = time.process_time()
                try:
                    return _f(*args, **kwargs)
                finally:
                    self.cpu[_clave] += time.process_time() - t0

            self._originales.append((modulo, funcion, original))
            setattr(modulo, funcion, envuelta)
        return self

    def __exit__(self, *exc: object) -> None:
        for modulo, funcion, original in self._originales:
            setattr(modulo, funcion, original)


def medir(notas: list[NotaCruda], repeticiones: int, frias: bool, etapas: bool = False) -> dict:
    """Mejor pasada: notas/s de reloj y de CPU, ms de CPU por nota y (opcional) desglose por etapa."""
    for nota in notas[:20]:
        extractor.extraer(nota)  # calentar catálogos y autómatas
    mejor: dict | None = None
    for _ in range(repeticiones):
        extractor.olvidar_textos()
        with _Etapas() if etapas else _Nada() as medidor:
            reloj, cpu = time.perf_counter(), time.process_time()
            for nota in notas:
                if frias:
                    extractor.olvidar_textos()
                extractor.extraer(nota)
            reloj, cpu = time.perf_counter() - reloj, time.process_time() - cpu
        if mejor is None or cpu < mejor["cpu_s"]:
            mejor = {"notas": len(notas), "reloj_s": reloj, "cpu_s": cpu,
                     "etapas": dict(getattr(medidor, "cpu", {}))}
    assert mejor is not None
    mejor["notas_s_reloj"] = mejor["notas"] / mejor["reloj_s"]
    mejor["notas_s_cpu"] = mejor["notas"] / mejor["cpu_s"]
    mejor["ms_cpu_por_nota"] = 1000 * mejor["cpu_s"] / mejor["notas"]
    return mejor


class _Nada:
    def __enter__(self) -> _Nada:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def imprimir(nombre: str, r: dict) -> None:
    estado = "cumple" if r["notas_s_cpu"] >= META_NOTAS_S else "NO cumple"
    print(f"{nombre:28s} {r['notas']:6d} notas  {r['notas_s_cpu']:8,.0f} notas/s CPU  "
          f"{r['notas_s_reloj']:8,.0f} notas/s reloj  {r['ms_cpu_por_nota']:.3f} ms CPU/nota  "
          f"(meta ≥ {META_NOTAS_S:,}: {estado})")
    for etapa, segundos in sorted(r["etapas"].items(), key=lambda x: -x[1]):
        print(f"    {etapa:28s} {1000 * segundos / r['notas']:.3f} ms CPU/nota")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.extraccion", description=__doc__.splitlines()[0])
    p.add_argument("--notas", type=int, default=500, help="notas sintéticas (por defecto 500)")
    p.add_argument("--semilla", type=int, default=1)
    p.add_argument("--repeticiones", type=int, default=3, help="pasadas; se informa la mejor")
    p.add_argument("--etapas", action="store_true", help="desglosar el tiempo por módulo")
    a = p.parse_args(argv)
    incluidas = notas_incluidas()
    imprimir("notas incluidas (frías)", medir(incluidas * 3, a.repeticiones, frias=True, etapas=a.etapas))
    if a.notas > 0:
        imprimir("notas sintéticas", medir(notas_sinteticas(a.notas, a.semilla), a.repeticiones, frias=False,
                                           etapas=a.etapas))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
