"""Una construcción muerta a la fuerza (SIGKILL) nunca deja la base rota (issue 5).

El gancho `ARTICULA_PAUSA_PRUEBA=<etapa>` detiene la construcción en un punto conocido
(anuncia "PAUSA <etapa>" en stderr): la prueba la mata ahí, sin depender de tiempos.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from datos.almacen import atomico
from datos.almacen.construir import construir
from tests.conftest import RAIZ, archivos_corpus

N_GENERADAS = 220  # por encima del umbral del pool: la corrida usa todos los núcleos
MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "setiembre", "octubre")
OFICINAS = ("Tumbes", "Piura", "Tacna", "Puno", "Cusco", "Arequipa", "Loreto", "Trujillo")
SOCIOS = (
    "la Organización Internacional para las Migraciones (OIM)",
    "el Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)",
    "la Superintendencia Nacional de Migraciones",
    "la Defensoría del Pueblo",
    "el Gobierno Regional",
)


def _generar(carpeta: Path, n: int) -> None:
    """Notas simples con la forma de gob.pe, todas distintas."""
    carpeta.mkdir()
    for i in range(n):
        oficina, mes, dia = OFICINAS[i % len(OFICINAS)], MESES[i % len(MESES)], 1 + i % 28
        socios = ", ".join(SOCIOS[j % len(SOCIOS)] for j in range(i % 3 + 1))
        texto = (
            f"Cancillería {oficina} participa en reunión de coordinación número {i}\n\n"
            f"Nota Informativa\n\n{dia} de {mes} de 2024 - 10:{i % 60:02d} a. m.\n\n\n"
            f"La Oficina Desconcentrada del Ministerio de Relaciones Exteriores en {oficina} participó el "
            f"{dia} de {mes} en una reunión de trabajo con {socios}, en la que se revisaron las acciones "
            f"de atención a la población migrante y refugiada (acta {i}).\n"
        )
        (carpeta / f"gen_{i:04d}.txt").write_text(texto, encoding="utf-8")


def _estado(bd: Path) -> tuple[int, list[str]]:
    con = duckdb.connect(str(bd), read_only=True)
    try:
        hashes = [h for (h,) in con.execute("SELECT hash_contenido FROM notas ORDER BY nota_id").fetchall()]
        eventos = con.execute("SELECT count(*) FROM eventos").fetchone()[0]
        return eventos, hashes
    finally:
        con.close()


def _arrancar(entrada: Path, bd: Path, etapa: str | None) -> subprocess.Popen:
    entorno = {k: v for k, v in os.environ.items() if k != "ARTICULA_PAUSA_PRUEBA"}
    if etapa:
        entorno["ARTICULA_PAUSA_PRUEBA"] = etapa
    return subprocess.Popen(
        [sys.executable, "-m", "datos", "construir", str(entrada), "--db", str(bd)],
        cwd=RAIZ, env=entorno, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _esperar_pausa(proc: subprocess.Popen, etapa: str, limite: float = 120) -> None:
    vigilante = threading.Timer(limite, proc.kill)
    vigilante.start()
    try:
        for linea in proc.stderr:
            if linea.strip() == f"PAUSA {etapa}":
                return
        pytest.fail(f"la construcción terminó sin llegar a la etapa {etapa!r} (código {proc.wait()})")
    finally:
        vigilante.cancel()


def _matar(proc: subprocess.Popen) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()


@pytest.fixture(scope="module")
def escenario(tmp_path_factory: pytest.TempPathFactory, bd_corpus: Path) -> dict:
    base = tmp_path_factory.mktemp("atomicidad")
    entrada = base / "generadas"
    _generar(entrada, N_GENERADAS)
    bd = base / "bd.duckdb"
    bd.write_bytes(bd_corpus.read_bytes())
    return {"entrada": entrada, "bd": bd, "previo": _estado(bd)}


@pytest.mark.parametrize("etapa", ["bloqueo", "copia", "lote", "confirmacion", "cerrada"])
def test_sigkill_antes_de_publicar_deja_la_base_anterior(escenario: dict, etapa: str) -> None:
    bd = escenario["bd"]
    proc = _arrancar(escenario["entrada"], bd, etapa)
    try:
        _esperar_pausa(proc, etapa)
        # Mientras la construcción corre, quien lee la base sigue viendo la versión anterior.
        assert _estado(bd) == escenario["previo"]
    finally:
        _matar(proc)
    assert _estado(bd) == escenario["previo"]
    assert not bd.with_name(bd.name + ".wal").exists()


def test_sigkill_en_momento_cualquiera_deja_una_base_que_abre(escenario: dict, tmp_path: Path) -> None:
    """Sin gancho: se mata a los 0,3 s; la base debe abrir con el contenido anterior o con el nuevo completo."""
    bd = tmp_path / "bd.duckdb"
    bd.write_bytes(escenario["bd"].read_bytes())
    proc = _arrancar(escenario["entrada"], bd, None)
    time.sleep(0.3)
    _matar(proc)
    eventos, hashes = _estado(bd)
    previo_eventos, previo_hashes = escenario["previo"]
    assert hashes[: len(previo_hashes)] == previo_hashes
    assert eventos in (previo_eventos, previo_eventos + N_GENERADAS)


def test_la_siguiente_construccion_completa_con_las_cuentas_correctas(escenario: dict) -> None:
    """Corre después de las muertes: limpia temporales huérfanos y carga todo exactamente una vez."""
    bd = escenario["bd"]
    proc = _arrancar(escenario["entrada"], bd, "copia")  # deja un temporal huérfano a propósito
    _esperar_pausa(proc, "copia")
    _matar(proc)
    assert atomico.temporales_huerfanos(bd)

    resumen = construir([escenario["entrada"]], bd, progreso=False)

    assert (resumen.nuevas, resumen.duplicadas, resumen.rechazadas) == (N_GENERADAS, 0, 0)
    eventos, hashes = _estado(bd)
    assert eventos == len(archivos_corpus()) + N_GENERADAS == len(set(hashes))
    assert hashes[: len(escenario["previo"][1])] == escenario["previo"][1]
    assert atomico.temporales_huerfanos(bd) == []
    assert construir([escenario["entrada"]], bd, progreso=False).nuevas == 0


def test_sigkill_tras_publicar_deja_la_base_nueva(escenario: dict, tmp_path: Path) -> None:
    bd = tmp_path / "bd.duckdb"
    bd.write_bytes(escenario["bd"].read_bytes())
    antes = _estado(bd)
    carpeta = tmp_path / "una"
    _generar(carpeta, 1)
    (carpeta / "gen_0000.txt").write_text("Una nota más, distinta de todas.\n", encoding="utf-8")
    proc = _arrancar(carpeta, bd, "publicada")
    _esperar_pausa(proc, "publicada")
    _matar(proc)
    assert _estado(bd)[0] == antes[0] + 1
