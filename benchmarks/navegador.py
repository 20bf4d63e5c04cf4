"""Clics de verdad: `streamlit run app.py` con una base dada y Chromium sin cabeza (playwright).

Uso: `python -m benchmarks.navegador --db RUTA [--rondas 2] [--json RUTA]`.

AppTest (en `python -m benchmarks`) mide cuánto tarda el script de una página en el servidor. Una
persona ve más: el envío de las figuras por el websocket, la carga de plotly.js la primera vez y el
dibujo de cada gráfico. Aquí se cronometra cada clic hasta el último cambio de la página: se espera a
que el script termine (`data-test-script-state` de `stApp` deja de ser «running»), a que cada gráfico
plotly tenga su SVG y a que nada visible cambie en `QUIETUD_MS`; la cifra es el momento del último
cambio visible (del DOM, con un MutationObserver, o de los píxeles de un canvas; ver `_OBSERVADOR`),
medido con el reloj de la página. Sin la quietud, el fin del script no basta: los componentes de
Streamlit se cargan aparte y un gráfico puede aparecer un segundo después. La primera ronda recorre las
páginas por primera vez en la sesión (cachés de Streamlit vacías); las siguientes, ya visitadas. Al
final se elige en el filtro de la barra lateral la región con más eventos (un clic que vuelve a correr
la página con otro filtro).

Requiere Chromium en /usr/bin/chromium (apt-get install chromium) y el paquete playwright.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from paginas import _pestanas

RAIZ = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# Sin estas banderas, Chromium intenta conexiones de fondo que una máquina sin red rechaza.
ARGUMENTOS_CHROMIUM = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                       "--disable-component-update", "--disable-sync", "--no-first-run"]
# Páginas medidas (sin «Acerca de»), en el orden del menú: el texto del enlace es también el título (h1).
PAGINAS = ("Resumen", "Línea de tiempo", "Regiones", "Coparticipación", "Temas", "Organizaciones", "Explorador",
           "Calidad de datos")
# Pestañas que se abren con un clic (solo corre la abierta): tras entrar a la página, se cliquea cada una.
PESTANAS = {"Regiones": _pestanas.REGIONES.nombres[1:], "Coparticipación": _pestanas.COPARTICIPACION.nombres[1:],
            "Temas": _pestanas.TEMAS.nombres[1:], "Organizaciones": _pestanas.ORGANIZACIONES.nombres[1:]}
META_CLIC_S = 1.0
QUIETUD_MS = 750  # sin cambios en el DOM durante este lapso: la página terminó de dibujarse
# En cada página cargada: la hora (performance.now) del último cambio visible.
# - DOM: todo cambio salvo los de adentro de un <canvas>, que son contenido de respaldo (accesibilidad) y nunca se
#   pintan; la tabla de datos de Streamlit rehace el suyo ~300 ms después de dibujarse.
# - Canvas: sus trazos no cambian el DOM. En cada cuadro en que se dibujó en un canvas, se comparan sus píxeles
#   con los de la revisión anterior; si alguno cambió, cuenta a la hora de esa revisión. La tabla de datos vuelve
#   a dibujar lo mismo cuando ajusta su tamaño: eso no se ve y no cuenta.
_OBSERVADOR = """window.__articulaUltimoCambio = performance.now();
new MutationObserver((cambios) => {
  if (cambios.some((c) => !(c.target.nodeType === 1 ? c.target : c.target.parentElement)?.closest('canvas')))
    window.__articulaUltimoCambio = performance.now();
}).observe(document, {childList: true, subtree: true, characterData: true});
const dibujados = new Set();
const imagenes = new WeakMap();  // canvas → sus píxeles en la última revisión
for (const metodo of ['clearRect', 'fillRect', 'strokeRect', 'fillText', 'strokeText', 'drawImage', 'fill',
                      'stroke', 'putImageData']) {
  const original = CanvasRenderingContext2D.prototype[metodo];
  CanvasRenderingContext2D.prototype[metodo] = function (...args) {
    if (this.canvas.isConnected) dibujados.add(this.canvas);
    return original.apply(this, args);
  };
}
const cambio = (lienzo) => {
  const pixeles = lienzo.width && lienzo.height ? new Uint32Array(
    lienzo.getContext('2d').getImageData(0, 0, lienzo.width, lienzo.height).data.buffer) : new Uint32Array(0);
  const antes = imagenes.get(lienzo);
  imagenes.set(lienzo, pixeles);
  if (!antes || antes.length !== pixeles.length) return true;
  for (let i = 0; i < pixeles.length; i++) if (antes[i] !== pixeles[i]) return true;
  return false;
};
const revisar = () => {
  for (const lienzo of dibujados) if (cambio(lienzo)) window.__articulaUltimoCambio = performance.now();
  dibujados.clear();
  requestAnimationFrame(revisar);
};
requestAnimationFrame(revisar);"""
# Listo = el script no corre, cada gráfico plotly tiene su SVG y la página lleva `quietud` ms sin cambios visibles.
_LISTO = """(quietud) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') === 'running') return false;
  const graficos = document.querySelectorAll('[data-testid="stPlotlyChart"]');
  if (!Array.from(graficos).every(g => g.querySelector('.main-svg'))) return false;
  return performance.now() - window.__articulaUltimoCambio >= quietud;
}"""
_CORRIENDO = """() => document.querySelector('[data-testid="stApp"]')
  ?.getAttribute('data-test-script-state') === 'running'"""


class ErrorServidor(RuntimeError):
    """El tablero no arrancó (o dejó de responder)."""


def puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_en_marcha(variables: dict[str, str], espera_s: float = 60) -> Iterator[str]:
    """Arranca el tablero con esas variables de entorno, espera a que responda y da su URL base."""
    puerto = puerto_libre()
    proceso = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(RAIZ / "app.py"), "--server.headless", "true",
         "--server.port", str(puerto), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=RAIZ, env={**os.environ, **variables}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{puerto}"
    limite = time.monotonic() + espera_s
    while True:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proceso.poll() is not None or time.monotonic() > limite:
            proceso.kill()
            raise ErrorServidor("streamlit no arrancó: "
                                + (proceso.stderr.read() or b"").decode(errors="replace")[-2000:])
        time.sleep(0.3)
    try:
        yield base
    finally:
        proceso.terminate()
        try:
            proceso.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proceso.kill()


@contextmanager
def chromium() -> Iterator:
    """El Chromium de Debian manejado por playwright (nunca `playwright install`)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        navegador = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGUMENTOS_CHROMIUM)
        try:
            yield navegador
        finally:
            navegador.close()


def _esperar_listo(pag, titulo: str | None, limite_s: float = 120) -> None:
    """Hasta que el script de la página terminó y sus gráficos están dibujados."""
    if titulo:  # por CSS y no por rol: con una lista desplegable abierta, el resto de la página queda aria-hidden
        pag.locator("h1").filter(has_text=re.compile(rf"^\s*{re.escape(titulo)}\s*$")).first.wait_for(
            timeout=limite_s * 1000)
    pag.wait_for_function(_LISTO, arg=QUIETUD_MS, timeout=limite_s * 1000, polling=50)


def cronometrar_clic(pag, clic, titulo: str | None) -> float:
    """Segundos desde el clic hasta el último cambio de la página (reloj de la página, sin la quietud)."""
    t0 = pag.evaluate("performance.now()")
    clic()
    try:  # el estado «running» puede durar menos que un sondeo: no hallarlo no es error
        pag.wait_for_function(_CORRIENDO, timeout=2_000, polling=10)
    except Exception:  # noqa: BLE001 - playwright TimeoutError: la ejecución fue más corta que el sondeo
        pass
    _esperar_listo(pag, titulo)
    return (pag.evaluate("window.__articulaUltimoCambio") - t0) / 1000


def region_mas_frecuente(db: Path) -> str | None:
    """La región con más eventos: la que una persona elegiría primero en el filtro."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        fila = con.execute("SELECT region FROM eventos WHERE region IS NOT NULL"
                           " GROUP BY region ORDER BY count(*) DESC, region LIMIT 1").fetchone()
    return fila[0] if fila else None


def medir(db: Path, rondas: int = 2) -> dict:
    """{"rondas": [{página: s}], "filtro_region_s": s, "peor_s": s} con el tablero sobre `db`."""
    resultado: dict = {"base": str(db), "rondas": [], "meta_s": META_CLIC_S}
    region = region_mas_frecuente(db)
    with streamlit_en_marcha({"ARTICULA_DB": str(db)}) as base, chromium() as nav:
        contexto = nav.new_context(viewport={"width": 1400, "height": 1800})
        contexto.add_init_script(_OBSERVADOR)
        pag = contexto.new_page()
        pag.goto(base + "/")
        _esperar_listo(pag, "Resumen")
        # performance.now() cuenta desde que empezó la navegación.
        resultado["primera_carga_s"] = pag.evaluate("window.__articulaUltimoCambio") / 1000
        lateral = pag.get_by_test_id("stSidebarNav")
        for _ in range(rondas):
            ronda = {}
            # Se empieza por la segunda página: un clic al enlace de la página abierta no hace nada.
            orden = PAGINAS[1:] + PAGINAS[:1]
            for enlace in orden:
                link = lateral.get_by_role("link", name=enlace, exact=True)
                ronda[enlace] = cronometrar_clic(pag, link.click, enlace)
                for pestana in PESTANAS.get(enlace, ()):
                    tab = pag.get_by_role("tab", name=pestana, exact=True)
                    ronda[f"{enlace} › {pestana}"] = cronometrar_clic(pag, tab.click, enlace)
            resultado["rondas"].append(ronda)
        # Filtro: la región con más eventos, elegida en la barra lateral (estamos en Resumen).
        resultado["filtro_region"] = region
        if region is not None:
            pag.get_by_test_id("stMultiSelect").filter(has_text="Región").first.click()
            pag.keyboard.type(region)  # la lista es larga y solo dibuja lo visible: se escribe para encontrarla
            opcion = pag.get_by_role("option", name=region, exact=True)
            opcion.wait_for(timeout=10_000)
            resultado["filtro_region_s"] = cronometrar_clic(pag, opcion.click, "Resumen")
            pag.keyboard.press("Escape")
        contexto.close()
    tiempos = [s for r in resultado["rondas"] for s in r.values()]
    if "filtro_region_s" in resultado:
        tiempos.append(resultado["filtro_region_s"])
    resultado["peor_s"] = max(tiempos)
    return resultado


def imprimir(r: dict) -> None:
    print(f"Tablero sobre {r['base']}: primera carga {r['primera_carga_s']:.2f} s")
    print(f"{'página (› pestaña)':36s}" + "".join(f"  ronda {i + 1:>2}" for i in range(len(r["rondas"]))))
    for clic in r["rondas"][0]:
        print(f"{clic:36s}" + "".join(f"  {ronda[clic]:7.2f} s" for ronda in r["rondas"]))
    if "filtro_region_s" in r:
        print(f"filtro región ({r['filtro_region']}): {r['filtro_region_s']:.2f} s")
    estado = "PASA" if r["peor_s"] <= r["meta_s"] else "FALLA"
    print(f"[{estado}] peor clic: {r['peor_s']:.2f} s (meta ≤ {r['meta_s']:.0f} s)")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.navegador", description=__doc__.splitlines()[0])
    p.add_argument("--db", required=True, type=Path, help="base DuckDB ya construida")
    p.add_argument("--rondas", type=int, default=2, help="recorridos de las 8 páginas (por defecto 2)")
    p.add_argument("--json", type=Path, help="escribir el resultado en esta ruta")
    a = p.parse_args(argv)
    if a.rondas < 1:
        print("--rondas debe ser 1 o más.", file=sys.stderr)
        return 1
    if not a.db.is_file():
        print(f"No existe la base {a.db}.", file=sys.stderr)
        return 1
    if not CHROMIUM.exists():
        print("Falta Chromium en /usr/bin/chromium (apt-get install chromium).", file=sys.stderr)
        return 1
    r = medir(a.db, a.rondas)
    imprimir(r)
    if a.json:
        a.json.write_text(json.dumps(r, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
