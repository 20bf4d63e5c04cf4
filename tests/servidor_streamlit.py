"""Un `streamlit run app.py` de verdad en un puerto libre, para las pruebas con Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent


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
            pytest.fail("streamlit no arrancó: " + (proceso.stderr.read() or b"").decode(errors="replace")[-2000:])
        time.sleep(0.3)
    try:
        yield base
    finally:
        proceso.terminate()
        try:
            proceso.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proceso.kill()


CHROMIUM = Path("/usr/bin/chromium")
# Sin estas banderas, Chromium intenta conexiones de fondo que esta máquina sin red rechaza.
ARGUMENTOS_CHROMIUM = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                       "--disable-component-update", "--disable-sync", "--no-first-run"]


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
