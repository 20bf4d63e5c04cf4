"""Fixtures compartidas: bases construidas desde el corpus incluido, siempre en carpetas temporales."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
NOTAS = RAIZ / "datos" / "notas"


def archivos_corpus() -> list[Path]:
    """Las notas incluidas (sin `fuentes.csv`, que solo trae direcciones)."""
    return sorted(p for p in NOTAS.iterdir() if p.is_file() and p.name != "fuentes.csv" and not p.name.startswith("."))


@pytest.fixture(scope="session")
def bd_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Base construida una vez por sesión desde `datos/notas/`. Solo lectura: para modificarla use `bd_corpus_copia`."""
    from datos.almacen.construir import construir

    ruta = tmp_path_factory.mktemp("bd_corpus") / "articula.duckdb"
    construir([NOTAS], ruta, procesos=1, progreso=False)
    return ruta


@pytest.fixture
def bd_corpus_copia(bd_corpus: Path, tmp_path: Path) -> Path:
    """Copia propia de la base del corpus, para pruebas que construyen encima."""
    destino = tmp_path / "articula.duckdb"
    shutil.copyfile(bd_corpus, destino)
    return destino
