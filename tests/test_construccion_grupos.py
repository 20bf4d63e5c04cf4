"""Construcción por grupos en los trabajadores: duplicados entre grupos, huellas de la base, exportaciones."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import numpy as np

from datos.almacen import construir as modulo_construir
from datos.almacen.construir import construir
from datos.almacen.paquete import Contexto
from datos.extraccion import extractor
from tests.test_construir import NOTA_A, nota_gobpe

SQL_NOTAS = (
    "SELECT * EXCLUDE (cargada_en) FROM notas JOIN eventos ON evento_id = nota_id ORDER BY nota_id"
)


def consultar(ruta: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _nota(i: int) -> str:
    return nota_gobpe(f"Cancillería Tumbes realiza reunión número {i}", NOTA_A.split("\n\n\n")[1] + f" Acta {i}.")


def _carpeta_con_repetidas(carpeta: Path, n: int) -> None:
    """n notas; la 180 repite a la 3 y la 230 repite a la 7 con otros espacios (grupos distintos)."""
    carpeta.mkdir()
    for i in range(n):
        texto = _nota(i)
        if i == 180:
            texto = _nota(3)
        elif i == 230:
            texto = "  " + _nota(7).replace(" ", "   ")
        (carpeta / f"n{i:03d}.txt").write_text(texto, encoding="utf-8")


def test_repetidas_en_otro_grupo_cuentan_una_vez_y_queda_la_primera(tmp_path: Path) -> None:
    carpeta = tmp_path / "n"
    _carpeta_con_repetidas(carpeta, 250)
    assert modulo_construir.ARCHIVOS_POR_GRUPO < 180  # la repetida cae en otro grupo que la original
    uno, dos = tmp_path / "uno.duckdb", tmp_path / "dos.duckdb"
    r1 = construir([carpeta], uno, procesos=1, progreso=False)
    r2 = construir([carpeta], dos, procesos=2, progreso=False)

    for r in (r1, r2):
        assert (r.leidas, r.nuevas, r.duplicadas, r.rechazadas) == (250, 248, 2, 0)
    archivos = {Path(a).name for (a,) in consultar(dos, "SELECT archivo FROM notas")}
    assert {"n003.txt", "n007.txt"} <= archivos and not {"n180.txt", "n230.txt"} & archivos
    assert consultar(uno, SQL_NOTAS) == consultar(dos, SQL_NOTAS)
    for tabla in ("evento_organizacion", "evento_tema", "organizaciones"):
        sql = f"SELECT * FROM {tabla} ORDER BY ALL"  # noqa: S608 - nombre fijo
        assert consultar(uno, sql) == consultar(dos, sql)


def test_repetir_sobre_la_base_no_extrae_nada(tmp_path: Path, monkeypatch) -> None:
    carpeta = tmp_path / "n"
    _carpeta_con_repetidas(carpeta, 250)
    bd = tmp_path / "bd.duckdb"
    construir([carpeta], bd, procesos=2, progreso=False)
    antes = consultar(bd, SQL_NOTAS)
    (carpeta / "nueva.txt").write_text(_nota(999), encoding="utf-8")

    extraidas: list[str] = []
    original = extractor.extraer

    def contando(nota):
        extraidas.append(Path(nota.archivo).name)
        return original(nota)

    monkeypatch.setattr(extractor, "extraer", contando)
    r = construir([carpeta], bd, procesos=1, progreso=False)

    assert extraidas == ["nueva.txt"]
    assert (r.leidas, r.nuevas, r.duplicadas) == (251, 1, 250)
    assert consultar(bd, SQL_NOTAS)[: len(antes)] == antes
    r2 = construir([carpeta], bd, procesos=2, progreso=False)
    assert (r2.nuevas, r2.duplicadas) == (0, 251)
    [(n, distintas)] = consultar(bd, "SELECT count(*), count(DISTINCT hash_contenido) FROM notas")
    assert n == distintas == 249


def test_exportacion_jsonl_y_sueltas_dan_lo_mismo_en_pool_que_en_serie(tmp_path: Path) -> None:
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    with (carpeta / "export.jsonl").open("w", encoding="utf-8") as f:
        for i in range(150):
            f.write(json.dumps({"titulo": f"Reunión {i}", "texto": _nota(i), "url": f"https://x/{i}"}) + "\n")
        f.write("{roto\n")
    for i in range(140, 400):  # 10 repiten a registros del jsonl
        (carpeta / f"s{i:03d}.txt").write_text(_nota(i), encoding="utf-8")
    uno, dos = tmp_path / "uno.duckdb", tmp_path / "dos.duckdb"
    r1 = construir([carpeta], uno, procesos=1, progreso=False)
    r2 = construir([carpeta], dos, procesos=2, progreso=False)

    for r in (r1, r2):
        assert (r.leidas, r.nuevas, r.duplicadas, r.rechazadas) == (410, 400, 10, 1)
    assert consultar(uno, SQL_NOTAS) == consultar(dos, SQL_NOTAS)
    [(archivo, motivo)] = consultar(dos, "SELECT archivo, motivo FROM rechazos")
    assert archivo.endswith("export.jsonl#línea 151") and "JSON" in motivo


def test_huella_en_base_compara_los_128_bits() -> None:
    hi = np.array([5, 7, 7, 9], np.uint64)
    lo = np.array([1, 2, 4, 0], np.uint64)
    ctx = Contexto(None, hi, lo)
    assert ctx.en_base(7, 4) and ctx.en_base(7, 2) and ctx.en_base(5, 1)
    assert not ctx.en_base(7, 3) and not ctx.en_base(9, 1) and not ctx.en_base(8, 0)
    assert not Contexto().en_base(0, 0)
