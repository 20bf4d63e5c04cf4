"""Novedades sobre la base pequeña con respuestas conocidas (tests/bd_prueba.py)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from consultas import conexion, novedades
from consultas.filtros import Filtros
from tests import bd_prueba as bp


@pytest.fixture
def bd(tmp_path, monkeypatch):
    ruta = bp.construir_bd(tmp_path / "prueba.duckdb")
    monkeypatch.setenv("ARTICULA_DB", str(ruta))
    conexion.olvidar_conexion()
    yield ruta
    conexion.olvidar_conexion()


def test_periodo_con_y_sin_anios(bd):
    p = novedades.periodo(Filtros(anio_desde=2024, anio_hasta=2024))
    assert (p.desde, p.hasta) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert (p.anterior_desde, p.anterior_hasta) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert p.referencia == dt.date(2024, 1, 20)  # última fecha con datos
    sin = novedades.periodo(Filtros())
    assert sin.hasta == dt.date(2024, 1, 20) and sin.desde == dt.date(2023, 1, 21)
    assert novedades.periodo(Filtros(region=("Piura",))) is None


def test_organizaciones_nuevas_en_2024(bd):
    df = novedades.organizaciones_nuevas(Filtros(anio_desde=2024, anio_hasta=2024))
    # En 2024 aparecen por primera vez solo la AFN (todas las demás ya estaban en 2023).
    assert list(df["organizacion"]) == [bp.AFN]
    assert df["primera_fecha"].iloc[0].date() == dt.date(2024, 1, 15)
    en_2023 = set(novedades.organizaciones_nuevas(Filtros(anio_desde=2023, anio_hasta=2023))["organizacion"])
    assert en_2023 == {bp.OIM, bp.ACNUR, bp.GORE, bp.PNP}
    # "Nueva" se mide dentro de los demás filtros: en Lima todas son nuevas en 2024.
    lima = novedades.organizaciones_nuevas(Filtros(anio_desde=2024, anio_hasta=2024, region=("Lima",)))
    assert set(lima["organizacion"]) == {bp.ACNUR, bp.GORE, bp.PNP, bp.AFN}


def test_pares_en_alza_frente_al_periodo_anterior(bd):
    df = novedades.pares_en_alza(Filtros(anio_desde=2024, anio_hasta=2024))
    pares = {(a, b): (e, ant) for a, b, e, ant in
             df[["organizacion_a", "organizacion_b", "eventos", "eventos_anterior"]].itertuples(index=False)}
    # 2024 solo tiene el evento 104 con 4 organizaciones: 6 pares; los que ya estaban en 2023 no suben.
    assert pares[(bp.ACNUR, bp.PNP)] == (1, 0)
    assert pares[(bp.GORE, bp.AFN)] == (1, 0)
    assert (bp.ACNUR, bp.GORE) not in pares  # 1 en 2024 y 1 en 2023: no es alza
    assert all(e > ant for e, ant in pares.values())


def test_regiones_sin_actividad_en_seis_meses(bd):
    df = novedades.regiones_sin_actividad(Filtros(anio_desde=2024, anio_hasta=2024))
    ultimas = dict(zip(df["region"], df["ultima_fecha"], strict=True))
    assert "Lima" not in ultimas and "La Libertad" not in ultimas and "Tumbes" not in ultimas
    assert len(ultimas) == 22 and all(v is None or v != v for v in ultimas.values())  # nunca tuvieron eventos
    # Con la referencia en 2025 (un año después) Lima ya lleva más de seis meses sin actividad.
    mas_tarde = novedades.regiones_sin_actividad(Filtros(anio_desde=2024, anio_hasta=2025))
    assert "Lima" not in set(mas_tarde["region"])  # la referencia no pasa de la última fecha con datos
    solo = novedades.regiones_sin_actividad(Filtros(region=("Tumbes", "Piura")))
    assert list(solo["region"]) == ["Piura"]


def test_pares_en_alza_en_numpy_y_en_sql_dan_lo_mismo(bd, monkeypatch):
    """Con pocos eventos se cuentan en numpy (incidencia en memoria); con muchos, en SQL: la misma tabla."""
    from consultas import coparticipacion

    con_filas = 0
    for f in (Filtros(), Filtros(anio_desde=2024, anio_hasta=2024), Filtros(anio_desde=2023, anio_hasta=2024),
              Filtros(organizacion=(bp.ACNUR,)), Filtros(anio_desde=2024, organizacion=(bp.PNP,))):
        p = novedades.periodo(f)
        sql = novedades.pares_en_alza_sql(f, p, 10)
        numpy = coparticipacion.alza_de_pares(f.con(anio_desde=None, anio_hasta=None), p.anterior_desde, p.desde,
                                              p.hasta, 10) if p else sql
        assert numpy is not None and numpy.equals(sql), f.descripcion()
        assert novedades.pares_en_alza(f).equals(sql), f.descripcion()
        con_filas += len(sql) > 0
    assert con_filas >= 2
    monkeypatch.setattr(coparticipacion, "MAXIMO_EVENTOS_ALZA", 0)  # demasiados eventos: se usa el SQL
    p = novedades.periodo(Filtros())
    assert coparticipacion.alza_de_pares(Filtros(), p.anterior_desde, p.desde, p.hasta, 10) is None
    assert novedades.pares_en_alza(Filtros()).equals(novedades.pares_en_alza_sql(Filtros(), p, 10))


def test_organizaciones_nuevas_en_numpy_y_en_sql_dan_lo_mismo(bd, monkeypatch):
    """Con filtro de organización se cuentan en numpy (incidencia en memoria); sin él o con muchos eventos, en
    SQL: la misma tabla, con los mismos tipos de columna."""
    from consultas import coparticipacion

    con_filas = 0
    for f in (Filtros(organizacion=(bp.ACNUR,)), Filtros(anio_desde=2024, anio_hasta=2024, organizacion=(bp.PNP,)),
              Filtros(anio_desde=2023, anio_hasta=2023, organizacion=(bp.OIM, bp.AFN)),
              Filtros(anio_desde=2023, anio_hasta=2024, organizacion=(bp.GORE,), region=("Lima",)),
              Filtros(anio_desde=2023, anio_hasta=2023, organizacion=(bp.OIM,), region=("Piura",))):
        p = novedades.periodo(f)
        if p is None:
            continue
        sql = novedades.organizaciones_nuevas_sql(f, p, 10)
        numpy = coparticipacion.organizaciones_nuevas(f.con(anio_desde=None, anio_hasta=None), p.desde, p.hasta, 10)
        assert numpy is not None, f.descripcion()
        pd.testing.assert_frame_equal(numpy, sql, obj=f.descripcion())
        assert novedades.organizaciones_nuevas(f).equals(sql), f.descripcion()
        con_filas += len(sql) > 0
    assert con_filas >= 2
    # Periodos que empiezan justo el día de un evento, o el día siguiente: los bordes cuentan como en SQL.
    fechas = sorted({d for (d,) in conexion.cursor_del_hilo().execute(
        "SELECT DISTINCT fecha FROM eventos WHERE fecha IS NOT NULL").fetchall()})
    for d in fechas + [x + dt.timedelta(days=1) for x in fechas]:
        p = novedades.Periodo(d, d + dt.timedelta(days=400), d, d, d)
        for org in (bp.OIM, bp.ACNUR, bp.PNP, bp.AFN):
            numpy = coparticipacion.organizaciones_nuevas(Filtros(organizacion=(org,)), p.desde, p.hasta, 10)
            sql = novedades.organizaciones_nuevas_sql(Filtros(organizacion=(org,)), p, 10)
            pd.testing.assert_frame_equal(numpy, sql)
    assert coparticipacion.organizaciones_nuevas(Filtros(), dt.date(2023, 1, 1), dt.date(2024, 12, 31), 10) is None
    monkeypatch.setattr(coparticipacion, "MAXIMO_EVENTOS_ORGANIZACION", 0)  # demasiados eventos: se usa el SQL
    f = Filtros(anio_desde=2023, anio_hasta=2023, organizacion=(bp.OIM,))
    assert coparticipacion.organizaciones_nuevas(f, dt.date(2023, 1, 1), dt.date(2023, 12, 31), 10) is None
    assert novedades.organizaciones_nuevas(f).equals(novedades.organizaciones_nuevas_sql(f, novedades.periodo(f), 10))
