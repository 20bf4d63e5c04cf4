"""Proceso hijo del benchmark: corre cada página completa del tablero con `AppTest` y mide.

Va en su propio proceso para que su memoria máxima (ru_maxrss) sea la de un
proceso de tablero que visitó todas las páginas. Lee la base de ARTICULA_DB.
Escribe un JSON en stdout: tiempos por página (fría = primera visita, tibia =
segunda, con la caché de Streamlit; filtrada = primera visita con un filtro en
la URL), errores y memoria máxima. Las páginas con pestañas (`paginas/_pestanas.py`)
se miden también con cada otra pestaña abierta («regiones › Exterior»).

Uso: `python -m benchmarks.paginas_apptest [--filtro clave=valor ...]`
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from paginas import _pestanas

RAIZ = Path(__file__).resolve().parent.parent
PAGINAS = (
    "paginas/resumen.py",
    "paginas/linea_de_tiempo.py",
    "paginas/regiones.py",
    "paginas/coparticipacion.py",
    "paginas/temas.py",
    "paginas/organizaciones.py",
    "paginas/explorador.py",
    "paginas/calidad.py",
)


def rss_maximo_mb() -> float:
    """Memoria residente máxima de este proceso (VmHWM).

    No `ru_maxrss`: Linux la hereda del padre a través de fork y exec, y el proceso del benchmark
    que lanza este tiene la línea base pandas en memoria (a 1 M, varios GB que no son del tablero).
    """
    with open("/proc/self/status", encoding="ascii") as estado:
        for linea in estado:
            if linea.startswith("VmHWM:"):
                return int(linea.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # sin /proc (no Linux)


def _correr(at) -> tuple[float, list[str]]:  # noqa: ANN001
    """Una corrida de la página ya elegida en `at`: segundos y errores."""
    t0 = time.perf_counter()
    at.run()
    segundos = time.perf_counter() - t0
    errores = [str(getattr(e, "message", e))[:300] for e in at.exception]
    return segundos, errores


def _corridas(at, pagina: str) -> list[tuple[str, float, list[str]]]:  # noqa: ANN001
    """(nombre, segundos, errores) de la página y de cada otra pestaña suya, abierta con un clic tras ella."""
    nombre = Path(pagina).stem
    pestanas = _pestanas.POR_PAGINA.get(pagina)
    at.switch_page(pagina)
    if not pestanas:
        return [(nombre, *_correr(at))]
    salida = []
    for i, pestana in enumerate(pestanas.nombres):  # la primera es la que se abre al entrar
        at.session_state[pestanas.clave] = pestana
        salida.append((nombre if i == 0 else f"{nombre} › {pestana}", *_correr(at)))
    return salida


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--filtro", action="append", default=[], help="clave=valor de la URL para la pasada filtrada")
    p.add_argument("--timeout", type=float, default=600)
    a = p.parse_args(argv)
    from streamlit.testing.v1 import AppTest

    from paginas import _datos

    at = AppTest.from_file(str(RAIZ / "app.py"), default_timeout=a.timeout)
    t0 = time.perf_counter()
    at.run()  # arranque: importa todo, abre la base, opciones de filtros (página por defecto)
    arranque = time.perf_counter() - t0
    # El arranque ya corrió Resumen, la página por defecto: sin vaciar la caché de consultas, su visita «fría»
    # sería la segunda y no contaría sus consultas. Lo que no es de una página (opciones) vuelve a leerse.
    _datos.limpiar_cache()
    resultado: dict = {"arranque_s": arranque, "paginas": {}, "errores": {}}
    for pasada in ("fria", "tibia"):
        for pagina in PAGINAS:
            if not (RAIZ / pagina).is_file():
                continue
            for nombre, segundos, errores in _corridas(at, pagina):
                resultado["paginas"].setdefault(nombre, {})[pasada] = segundos
                if errores:
                    resultado["errores"].setdefault(nombre, errores)
    if a.filtro:
        consulta: dict[str, list[str]] = {}
        for par in a.filtro:
            clave, _, valor = par.partition("=")
            consulta.setdefault(clave, []).append(valor)
        at.query_params = {k: v[0] if len(v) == 1 else v for k, v in consulta.items()}
        for pagina in PAGINAS:
            if (RAIZ / pagina).is_file():
                for nombre, segundos, errores in _corridas(at, pagina):
                    resultado["paginas"][nombre]["filtrada"] = segundos
                    if errores:
                        resultado["errores"].setdefault(nombre, errores)
    resultado["rss_max_mb"] = rss_maximo_mb()
    print(json.dumps(resultado, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
