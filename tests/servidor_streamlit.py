"""Un `streamlit run app.py` de verdad en un puerto libre, para las pruebas con Chromium.

El arranque y el Chromium son los de `benchmarks.navegador` (que cronometra clics con ellos); aquí
un tablero que no arranca hace fallar la prueba con su error.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from benchmarks import navegador
from benchmarks.navegador import CHROMIUM, chromium

__all__ = ["CHROMIUM", "chromium", "streamlit_en_marcha"]


@contextmanager
def streamlit_en_marcha(variables: dict[str, str], espera_s: float = 60) -> Iterator[str]:
    """Arranca el tablero con esas variables de entorno, espera a que responda y da su URL base."""
    try:
        with navegador.streamlit_en_marcha(variables, espera_s) as base:
            yield base
    except navegador.ErrorServidor as e:
        pytest.fail(str(e))
