"""Los marts desnormalizados (hechos_*, listas de eventos por organización/tema) dan las mismas
respuestas que calcular desde las tablas base.

Una base sin ningún mart obliga a consultas/conexion.py a usar sus vistas de respaldo, que se
calculan uniendo eventos con evento_organizacion / evento_tema / pares en cada consulta: es la
formulación directa. Cada vista del tablero, con filtros que tocan cada columna copiada en los
marts y los semi-joins de organización y tema, debe dar lo mismo con y sin marts.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from consultas import calidad, coparticipacion, eventos, linea_tiempo, organizaciones, regiones, resumen, temas
from consultas.filtros import Filtros
from datos.almacen import esquema
from tests import bd_prueba as bd
from tests.bd_prueba import ACNUR, GORE, MIGRACION, OIM, PNP, SEGURIDAD

FILTROS = [
    Filtros(),
    Filtros(anio_desde=2023, anio_hasta=2023),
    Filtros(region=("Tumbes", "Lima")),
    Filtros(pais=("Estados Unidos",)),
    Filtros(oficina=("Cancillería Tumbes",), tipo_evento=("reunión",)),
    Filtros(tipo_oficina=("sede_central", "mision_exterior")),
    Filtros(organizacion=(PNP,)),
    Filtros(organizacion=(ACNUR, PNP), anio_desde=2024),
    Filtros(tema=(SEGURIDAD,)),
    Filtros(tema=(MIGRACION,), organizacion=(OIM,)),
]

VISTAS = {
    "cifras": resumen.cifras,
    "socios_principales": lambda f: resumen.socios_principales(f, 10),
    "ultimos_eventos": lambda f: resumen.ultimos_eventos(f, 10),
    "por_mes": lambda f: linea_tiempo.eventos_por_periodo(f, "mes"),
    "por_semana_y_organizacion": lambda f: linea_tiempo.eventos_por_periodo(f, "semana", "organizacion", top=2),
    "por_mes_y_tipo_organizacion": lambda f: linea_tiempo.eventos_por_periodo(f, "mes", "tipo_organizacion", 1),
    "por_anio_y_tema": lambda f: linea_tiempo.eventos_por_periodo(f, "anio", "tema", top=1),
    "por_anio_y_organizacion": lambda f: linea_tiempo.eventos_por_periodo(f, "anio", "organizacion", top=1),
    "lista_eventos": lambda f: eventos.lista_eventos(f, 3),
    "lista_eventos_completa": lambda f: eventos.lista_eventos(f),
    "contar_eventos": eventos.contar_eventos,
    "eventos_por_region": regiones.eventos_por_region,
    "pares_principales": lambda f: coparticipacion.pares_principales(f, 5),
    "matriz": lambda f: coparticipacion.matriz(f, 3),
    "red": lambda f: coparticipacion.red(f, 3),
    "socios_de": lambda f: coparticipacion.socios_de(f, GORE),
    "panorama": lambda f: tuple(getattr(coparticipacion.panorama(f, 3, 4, 3, None, 3, 5), campo) for campo in (
        "matriz", "nodos", "aristas", "pares", "organizacion", "socios", "principales")),
    "temas_por_periodo": lambda f: temas.temas_por_periodo(f, "mes"),
    "temas_por_region": temas.temas_por_region,
    "perfil": lambda f: organizaciones.perfil(f, OIM),
    "linea_organizacion": lambda f: organizaciones.linea_organizacion(f, OIM, "mes"),
    "regiones_organizacion": lambda f: organizaciones.regiones_organizacion(f, OIM),
    "temas_organizacion": lambda f: organizaciones.temas_organizacion(f, GORE),
    "eventos_organizacion": lambda f: organizaciones.eventos_organizacion(f, OIM, 2),
    "fuera_de_catalogo": calidad.fuera_de_catalogo,
}


@pytest.fixture(scope="module")
def bases(tmp_path_factory):
    carpeta = tmp_path_factory.mktemp("marts")
    con_marts = bd.construir_bd(carpeta / "con_marts.duckdb")
    sin_marts = bd.construir_bd(carpeta / "sin_marts.duckdb")
    with duckdb.connect(str(sin_marts)) as con:
        for modelo in esquema.archivos_marts():
            # Nombres tomados de los archivos del proyecto, no de una entrada.
            con.execute(f"DROP TABLE IF EXISTS {modelo.stem}")
        quedan = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'hechos_%'").fetchone()[0]
    assert quedan == 0
    return con_marts, sin_marts


def _respuesta(resultado):
    if isinstance(resultado, tuple):  # red(): nodos y aristas
        return tuple(_respuesta(r) for r in resultado)
    if isinstance(resultado, pd.DataFrame):
        return resultado.reset_index(drop=True)
    return resultado


def _iguales(a, b) -> None:
    if isinstance(a, tuple):
        for x, y in zip(a, b, strict=True):
            _iguales(x, y)
    elif isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b, check_dtype=False)
    else:
        assert a == b


@pytest.mark.parametrize("nombre", sorted(VISTAS))
def test_con_y_sin_marts_la_misma_respuesta(nombre, bases, monkeypatch):
    con_marts, sin_marts = bases
    vista = VISTAS[nombre]
    monkeypatch.setenv("ARTICULA_DB", str(con_marts))
    esperados = [_respuesta(vista(f)) for f in FILTROS]
    monkeypatch.setenv("ARTICULA_DB", str(sin_marts))
    for f, esperado in zip(FILTROS, esperados, strict=True):
        _iguales(esperado, _respuesta(vista(f)))


def test_los_filtros_si_recortan_algo(bases, monkeypatch):
    """Que la comparación anterior no sea trivial: cada filtro (menos el vacío) cambia el conteo."""
    monkeypatch.setenv("ARTICULA_DB", str(bases[0]))
    total = eventos.contar_eventos(Filtros())
    assert total == len(bd.EVENTOS)
    for f in FILTROS[1:]:
        assert eventos.contar_eventos(f) < total, f.descripcion()
    assert coparticipacion.red(Filtros(organizacion=(PNP,)), 3)[1].shape[0] > 0


@pytest.mark.parametrize("f", FILTROS, ids=lambda f: f.descripcion())
def test_formas_optimizadas_del_filtro_eligen_los_mismos_eventos(f, bases):
    """`IN (SELECT unnest([...]))` y la prueba de bits de tema eligen lo mismo que la forma documentada."""
    with duckdb.connect(str(bases[0]), read_only=True) as con:
        mascara = con.execute(
            "SELECT bit_or(CAST(1 AS UBIGINT) << bit) FROM bit_tema"
            " WHERE tema IN (SELECT unnest(CAST(? AS VARCHAR[])))",
            [list(f.tema)],
        ).fetchone()[0]

        def ids(**opciones) -> list[int]:
            condicion, params = f.donde("e", **opciones)
            # La condición solo trae nombres fijos y `?` (lo prueban tests/test_filtros.py).
            sql = "SELECT DISTINCT evento_id FROM hechos_organizacion e WHERE " + condicion + " ORDER BY 1"  # noqa: S608
            return [fila[0] for fila in con.execute(sql, params).fetchall()]

        documentada = ids()
        assert ids(listas_como_semijoin=True) == documentada
        if f.tema:
            assert ids(mascara_temas=mascara or 0, listas_como_semijoin=True) == documentada


def test_base_con_solo_evento_par_usa_respaldos(bases, tmp_path, monkeypatch):
    """Una base de antes de los marts nuevos (solo evento_par) se sigue pudiendo consultar igual."""
    ruta = bd.construir_bd(tmp_path / "solo_evento_par.duckdb")
    with duckdb.connect(str(ruta)) as con:
        for modelo in esquema.archivos_marts():
            if modelo.stem != "evento_par":
                con.execute(f"DROP TABLE IF EXISTS {modelo.stem}")
    vistas = ("pares_principales", "matriz", "socios_principales", "temas_por_region", "lista_eventos")
    for f in (Filtros(), Filtros(tema=(MIGRACION,), region=("Tumbes", "Lima"))):
        monkeypatch.setenv("ARTICULA_DB", str(bases[0]))
        esperados = [_respuesta(VISTAS[v](f)) for v in vistas]
        monkeypatch.setenv("ARTICULA_DB", str(ruta))
        for v, esperado in zip(vistas, esperados, strict=True):
            _iguales(esperado, _respuesta(VISTAS[v](f)))
