"""El mart organizacion_evento (página Organizaciones) es lo que dicen las tablas base, su incremental
da lo mismo que recalcularlo entero, su vista de respaldo (consultas/conexion.py) da las mismas filas, y
`organizaciones.panorama` da lo mismo con él, sin él (base anterior: la vista), sin ningún mart (tampoco
bit_tema) y con temas sin bit (más de 64)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from consultas import conexion, organizaciones
from datos.almacen import esquema
from tests import bd_prueba as bd
from tests.bd_prueba import GORE, MIGRACION, OIM, PNP
from tests.test_consultas_marts import FILTROS
from tests.test_consultas_vistas import _comparar_organizacion

COLUMNAS = ["organizacion_id", "evento_id", "fecha", "anio", "mes", "region", "pais", "oficina", "tipo_oficina",
            "tipo_evento", "temas_bits", "organizaciones", "titulo", "mencion", "evidencia"]


def _mart(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute("SELECT * FROM organizacion_evento ORDER BY organizacion_id, evento_id").fetchall()


def _esperado(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Cálculo independiente en Python: cada participación con los datos de su evento."""
    eventos = {fila[0]: fila for fila in con.execute(
        "SELECT evento_id, fecha, anio, mes, region, pais, oficina, tipo_oficina, tipo_evento, titulo FROM eventos"
    ).fetchall()}
    bits = dict(con.execute("SELECT tema, bit FROM bit_tema").fetchall())
    temas: dict[int, int] = {}
    for evento_id, tema in con.execute("SELECT evento_id, tema FROM evento_tema").fetchall():
        if bits[tema] is not None:
            temas[evento_id] = temas.get(evento_id, 0) | (1 << bits[tema])
    participaciones = con.execute("SELECT evento_id, organizacion_id, mencion, evidencia FROM evento_organizacion")
    participaciones = participaciones.fetchall()
    por_evento: dict[int, list[int]] = {}
    for evento_id, organizacion_id, _, _ in participaciones:
        por_evento.setdefault(evento_id, []).append(organizacion_id)
    filas = []
    for evento_id, organizacion_id, mencion, evidencia in participaciones:
        _, fecha, anio, mes, region, pais, oficina, tipo_oficina, tipo_evento, titulo = eventos[evento_id]
        filas.append((organizacion_id, evento_id, fecha, anio, mes, region, pais, oficina, tipo_oficina, tipo_evento,
                      temas.get(evento_id, 0), sorted(por_evento[evento_id]), titulo, mencion, evidencia))
    return sorted(filas, key=lambda f: (f[0], f[1]))


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    return bd.construir_bd(tmp_path_factory.mktemp("org_evento") / "prueba.duckdb")


def test_mart_igual_a_las_tablas_base(base):
    with duckdb.connect(str(base), read_only=True) as con:
        columnas = [c for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'organizacion_evento' ORDER BY column_index"
        ).fetchall()]
        assert columnas == COLUMNAS
        filas = _mart(con)
        assert filas == _esperado(con)
        # Los eventos de cada organización, juntos y del más reciente al más antiguo (lo que lee la página).
        orden = con.execute("SELECT organizacion_id, fecha, evento_id FROM organizacion_evento").fetchall()
    assert len(filas) == sum(len(e["organizaciones"]) for e in bd.EVENTOS)
    clave = [(o, f is None, -(f.toordinal() if f else 0), -e) for o, f, e in orden]
    assert clave == sorted(clave)


def test_incremental_igual_al_calculo_completo(tmp_path: Path, monkeypatch):
    from datos.almacen import marts
    from datos.almacen.construir import construir
    from datos.extraccion import extractor
    from tests.test_construir import NOTA_A, _extraccion_fija, _org

    orgs = [_org(f"Org {i}", f"O{i}") for i in range(5)]
    fechas = ["2023-01-05", None, "2024-02-10", "2022-11-11"]
    por_archivo = {f"n{i}.txt": {"fecha_publicacion": fechas[i % 4],
                                 "organizaciones": [orgs[(i * k) % 5] for k in range(1, 3 + i % 2)]}
                   for i in range(10)}
    por_archivo["n9.txt"]["organizaciones"].append(_org("Org del segundo lote", None, "privado", False))
    monkeypatch.setattr(extractor, "extraer", _extraccion_fija(por_archivo))
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    ruta = tmp_path / "bd.duckdb"
    for i in range(10):
        (carpeta / f"n{i}.txt").write_text(f"{NOTA_A} Nota {i}.", encoding="utf-8")
        if i == 4:
            assert construir([carpeta], ruta, procesos=1, progreso=False).marts["organizacion_evento"] == "completo"
    assert construir([carpeta], ruta, procesos=1, progreso=False).marts["organizacion_evento"] == "incremental"

    with duckdb.connect(str(ruta)) as con:
        incremental = _mart(con)
        assert incremental == _esperado(con)
        todos = {e for (e,) in con.execute("SELECT evento_id FROM eventos").fetchall()}
        assert {e for _, e, *_ in incremental} == todos
        marts.refrescar(con)  # cálculo completo sobre la misma base
        assert _mart(con) == incremental


def _copia(base: Path, destino: Path, cambio: str) -> Path:
    shutil.copy(base, destino)
    with duckdb.connect(str(destino)) as con:
        if cambio == "sin_mart":
            con.execute("DROP TABLE organizacion_evento")
        elif cambio == "sin_marts":
            for modelo in esquema.archivos_marts():
                # Nombres tomados de los archivos del proyecto, no de una entrada.
                con.execute(f"DROP TABLE IF EXISTS {modelo.stem}")
        else:
            con.execute("UPDATE bit_tema SET bit = NULL WHERE tema = ?", [cambio])
    return destino


def test_vista_de_respaldo_igual_al_mart(base, tmp_path, monkeypatch):
    """Sin el mart, la vista de respaldo da las mismas filas y columnas (con los bits del bit_tema de la base)."""
    monkeypatch.setenv("ARTICULA_DB", str(_copia(base, tmp_path / "sin_mart.duckdb", "sin_mart")))
    conexion.olvidar_conexion()
    with conexion.cursor() as c:
        columnas = [d[0] for d in c.execute("SELECT * FROM organizacion_evento LIMIT 0").description]
        filas = _mart(c)
    conexion.olvidar_conexion()
    with duckdb.connect(str(base), read_only=True) as con:
        assert filas == _mart(con)
    assert columnas == COLUMNAS


# sin_mart: base anterior al mart (vista de respaldo con los bits de bit_tema); sin_marts: tampoco bit_tema
# (ningún tema con bit: semi-join de tema y temas desde hechos_tema); un tema sin bit (más de 64): lo mismo.
@pytest.mark.parametrize("cambio", ["sin_mart", "sin_marts", MIGRACION])
def test_panorama_igual_a_las_funciones_sueltas_sin_mart_o_sin_bits(cambio, base, tmp_path, monkeypatch):
    monkeypatch.setenv("ARTICULA_DB", str(_copia(base, tmp_path / "copia.duckdb", cambio)))
    conexion.olvidar_conexion()
    for f in FILTROS:
        for organizacion in (OIM, GORE, PNP, "No existe"):
            _comparar_organizacion(f.con(organizacion=()), organizacion, 500, 15)
            _comparar_organizacion(f, organizacion, 1, 2)
    conexion.olvidar_conexion()


@pytest.mark.parametrize("cambio", ["sin_mart", "sin_marts"])
def test_panorama_igual_con_y_sin_mart(cambio, base, tmp_path, monkeypatch):
    sin_mart = _copia(base, tmp_path / f"{cambio}.duckdb", cambio)
    for f in FILTROS:
        for organizacion in (OIM, GORE):
            respuestas = []
            for ruta in (base, sin_mart):
                monkeypatch.setenv("ARTICULA_DB", str(ruta))
                conexion.olvidar_conexion()
                respuestas.append(organizaciones.panorama(f, organizacion, "mes", None, 15))
            con, sin = respuestas
            assert con.perfil == sin.perfil
            for campo in ("linea", "regiones", "temas", "socios", "eventos"):
                pd.testing.assert_frame_equal(getattr(con, campo), getattr(sin, campo))
    conexion.olvidar_conexion()
