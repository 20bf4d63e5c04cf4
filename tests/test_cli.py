"""La línea de órdenes: códigos de salida, resumen en español, --estricto, --si-falta y `extraer` en JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

from tests.conftest import NOTAS, RAIZ, archivos_corpus
from tests.test_construir import NOTA_A, NOTA_B


def correr(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    entorno = {**os.environ, **(env or {})}
    entorno.pop("ARTICULA_PAUSA_PRUEBA", None)
    return subprocess.run(
        [sys.executable, "-m", "datos", *args], cwd=RAIZ, env=entorno, capture_output=True, text=True, timeout=300
    )


def eventos(bd: Path) -> int:
    con = duckdb.connect(str(bd), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM eventos").fetchone()[0]
    finally:
        con.close()


def test_construir_resume_en_espanol_y_sale_con_cero(tmp_path: Path) -> None:
    bd = tmp_path / "bd.duckdb"
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "a.txt").write_text(NOTA_A, encoding="utf-8")
    (carpeta / "copia.txt").write_text(NOTA_A, encoding="utf-8")
    (carpeta / "vacia.txt").write_bytes(b"")
    (carpeta / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n")

    r = correr("construir", str(carpeta), "--db", str(bd))

    assert r.returncode == 0, r.stderr
    salida = r.stdout
    for etiqueta, valor in (("Notas leídas", 2), ("Nuevas", 1), ("Duplicadas", 1), ("Rechazadas", 2)):
        linea = next(x for x in salida.splitlines() if x.strip().startswith(etiqueta))
        assert linea.split(":")[1].strip() == str(valor), salida
    assert "Archivo vacío" in salida  # motivos agrupados en el resumen
    assert eventos(bd) == 1


def test_construir_sin_ruta_usa_notas_incluidas_y_variable_de_entorno(tmp_path: Path) -> None:
    bd = tmp_path / "desde_entorno.duckdb"
    r = correr("construir", env={"ARTICULA_DB": str(bd)})
    assert r.returncode == 0, r.stderr
    assert eventos(bd) == len(archivos_corpus())
    r2 = correr("construir", "--db", str(bd))  # misma base por --db: nada nuevo
    assert r2.returncode == 0
    assert "Nuevas:              0" in r2.stdout


def test_no_poder_construir_sale_distinto_de_cero(tmp_path: Path) -> None:
    r = correr("construir", str(tmp_path / "no_existe"), "--db", str(tmp_path / "bd.duckdb"))
    assert r.returncode == 1
    assert "Ninguna de las rutas de entrada existe" in r.stderr
    assert "Traceback" not in r.stderr

    r = correr("construir", str(NOTAS), "--db", str(tmp_path / "carpeta_que_falta" / "bd.duckdb"))
    assert r.returncode == 1 and "no existe" in r.stderr and "Traceback" not in r.stderr

    (tmp_path / "es_carpeta.duckdb").mkdir()
    r = correr("construir", str(NOTAS), "--db", str(tmp_path / "es_carpeta.duckdb"))
    assert r.returncode == 1 and "no es un archivo" in r.stderr


def test_estricto_falla_con_rechazos_y_no_guarda(bd_corpus_copia: Path, tmp_path: Path) -> None:
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "b.txt").write_text(NOTA_B, encoding="utf-8")
    (carpeta / "espacios.txt").write_text("  \n\t \n", encoding="utf-8")
    antes = eventos(bd_corpus_copia)

    r = correr("construir", str(carpeta), "--db", str(bd_corpus_copia), "--estricto")

    assert r.returncode == 2
    assert "no se guardó nada" in r.stdout
    assert eventos(bd_corpus_copia) == antes

    r = correr("construir", str(carpeta), "--db", str(bd_corpus_copia))  # sin --estricto sí guarda
    assert r.returncode == 0 and eventos(bd_corpus_copia) == antes + 1


def test_si_falta_no_toca_una_base_existente(bd_corpus_copia: Path, tmp_path: Path) -> None:
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "b.txt").write_text(NOTA_B, encoding="utf-8")
    sello = bd_corpus_copia.stat().st_mtime_ns

    r = correr("construir", str(carpeta), "--db", str(bd_corpus_copia), "--si-falta")

    assert r.returncode == 0 and "ya existe" in r.stderr
    assert bd_corpus_copia.stat().st_mtime_ns == sello

    nueva = tmp_path / "nueva.duckdb"
    r = correr("construir", str(carpeta), "--db", str(nueva), "--si-falta")
    assert r.returncode == 0 and eventos(nueva) == 1


def test_extraer_imprime_una_linea_json_por_nota(tmp_path: Path) -> None:
    notas = archivos_corpus()
    dadas = [os.path.relpath(p, RAIZ) for p in notas]
    vacia = tmp_path / "vacia.txt"
    vacia.write_bytes(b"")

    r = correr("extraer", *dadas, str(vacia))

    assert r.returncode == 0, r.stderr
    filas = [json.loads(linea) for linea in r.stdout.splitlines()]
    assert [f["archivo"] for f in filas] == dadas  # tal como se dieron
    campos = {"titulo", "url", "tipo_nota", "numero_nota", "fecha_publicacion", "fecha_evento", "anio", "oficina",
              "tipo_oficina", "pais", "region", "tipo_evento", "organizaciones", "espacios", "temas", "evidencias"}
    for f in filas:
        assert campos <= f.keys() and "texto" not in f
    organizaciones = [o for f in filas for o in f["organizaciones"]]
    assert organizaciones, "ninguna nota del corpus trajo organizaciones"
    for o in organizaciones:
        assert {"nombre", "sigla", "tipo", "en_catalogo"} <= o.keys() and isinstance(o["en_catalogo"], bool)
    assert "Tumbes" in r.stdout and "Cancillería" in r.stdout  # ensure_ascii=False: acentos legibles
    assert "vacia.txt" in r.stderr and "Archivo vacío" in r.stderr


def test_extraer_sin_ninguna_nota_sale_con_uno(tmp_path: Path) -> None:
    vacia = tmp_path / "vacia.txt"
    vacia.write_bytes(b"")
    r = correr("extraer", str(vacia))
    assert r.returncode == 1 and r.stdout == "" and "Archivo vacío" in r.stderr


def test_base_danada_no_se_toca_y_sale_con_uno(tmp_path: Path) -> None:
    bd = tmp_path / "bd.duckdb"
    bd.write_bytes(b"esto no es una base DuckDB" * 100)
    antes = bd.read_bytes()
    r = correr("construir", str(NOTAS), "--db", str(bd))
    assert r.returncode == 1 and "No se pudo abrir la base" in r.stderr and "Traceback" not in r.stderr
    assert bd.read_bytes() == antes
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []


class _Flujo:
    def __init__(self, tty: bool) -> None:
        self.tty, self.escrito = tty, []

    def isatty(self) -> bool:
        return self.tty

    def write(self, s: str) -> None:
        self.escrito.append(s)

    def flush(self) -> None:
        pass


def test_progreso_solo_en_terminal_o_corridas_largas() -> None:
    from datos.almacen.progreso import Progreso

    ci = _Flujo(tty=False)
    p = Progreso(flujo=ci)
    for _ in range(50):
        p.avanzar(1000)
    p.cerrar()
    assert ci.escrito == []  # corrida corta sin terminal: nada en los registros de CI

    terminal = _Flujo(tty=True)
    p = Progreso(flujo=terminal)
    p.avanzar(1234)
    p.cerrar()
    salida = "".join(terminal.escrito)
    assert "1 234 notas" in salida and salida.endswith("\n")

    apagado = _Flujo(tty=True)
    p = Progreso(activo=False, flujo=apagado)
    p.avanzar(10)
    p.cerrar()
    assert apagado.escrito == []
