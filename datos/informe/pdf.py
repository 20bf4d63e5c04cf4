"""PDF del informe con Chromium sin interfaz (si está instalado); sin Chromium, solo hay HTML."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CANDIDATOS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
ESPERA_SEGUNDOS = 90


def ruta_chromium() -> str | None:
    """Chromium del sistema (o el que indique ARTICULA_CHROMIUM)."""
    propio = os.environ.get("ARTICULA_CHROMIUM")
    for candidato in ([propio] if propio else []) + list(CANDIDATOS):
        if candidato and os.access(candidato, os.X_OK):
            return candidato
    return shutil.which("chromium")


def hay_chromium() -> bool:
    return ruta_chromium() is not None


def a_pdf(html: str) -> bytes | None:
    """Imprime el HTML a PDF (los gráficos se dibujan antes de imprimir); None si no hay Chromium o falla."""
    chromium = ruta_chromium()
    if chromium is None:
        return None
    with tempfile.TemporaryDirectory(prefix="articula-informe-") as carpeta:
        entrada, salida = Path(carpeta) / "informe.html", Path(carpeta) / "informe.pdf"
        entrada.write_text(html, encoding="utf-8")
        orden = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
            f"--user-data-dir={Path(carpeta) / 'perfil'}", "--virtual-time-budget=15000",
            f"--print-to-pdf={salida}", entrada.as_uri(),
        ]
        try:
            subprocess.run(orden, capture_output=True, timeout=ESPERA_SEGUNDOS, check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
        if not salida.is_file() or salida.stat().st_size == 0:
            return None
        return salida.read_bytes()
