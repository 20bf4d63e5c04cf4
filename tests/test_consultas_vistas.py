"""Las consultas combinadas de una vista dan exactamente lo mismo que las funciones sueltas
(y que un cálculo independiente en Python sobre las tablas base).

Las páginas piden todo lo de una vista en una sola consulta (una lectura de los eventos
filtrados en vez de cuatro o cinco); aquí se comprueba, con filtros que tocan cada campo,
que eso no cambia ni una cifra, ni el orden, ni los empates.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from functools import partial

import duckdb
import numpy as np
import pandas as pd
import pytest

from consultas import conexion, coparticipacion, resumen
from consultas.filtros import Filtros
from tests import bd_prueba as bd
from tests.bd_prueba import GORE, MIGRACION, OIM, PNP
from tests.test_consultas_marts import FILTROS

FILTROS_PRUEBA = [*FILTROS, Filtros(region=("Amazonas",))]  # el último, sin eventos
# (top_matriz, top_red, n_pares, organizacion, n_socios, n_principales)
PARAMETROS = [(15, 30, 20, None, 20, 50), (2, 3, 1, GORE, 1, 2), (4, 2, 2, "No existe", 5, 1), (1, 1, 0, OIM, 0, 3)]


def _comparar_panorama(f: Filtros, top_matriz, top_red, n_pares, organizacion, n_socios, n_principales) -> None:
    vista = coparticipacion.panorama(f, top_matriz, top_red, n_pares, organizacion, n_socios, n_principales)
    matriz = coparticipacion.matriz(f, top_matriz)
    pd.testing.assert_frame_equal(vista.matriz, matriz)
    assert vista.matriz.attrs == matriz.attrs
    nodos, aristas = coparticipacion.red(f, top_red)
    pd.testing.assert_frame_equal(vista.nodos, nodos)
    pd.testing.assert_frame_equal(vista.aristas, aristas)
    pd.testing.assert_frame_equal(vista.pares, coparticipacion.pares_principales(f, n_pares))
    pd.testing.assert_frame_equal(vista.principales, resumen.socios_principales(f, n_principales))
    if organizacion is None:  # la primera de la red (la que la página elige por omisión)
        primera = coparticipacion.red(f, max(top_matriz, top_red))[0]
        organizacion = primera["organizacion"].iloc[0] if len(primera) else None
    assert vista.organizacion == organizacion
    if organizacion is not None:
        pd.testing.assert_frame_equal(vista.socios, coparticipacion.socios_de(f, organizacion, n_socios))


@pytest.mark.parametrize("parametros", PARAMETROS, ids=str)
@pytest.mark.parametrize("f", FILTROS_PRUEBA, ids=lambda f: f.descripcion())
def test_panorama_igual_a_las_funciones_sueltas(f, parametros, bd_prueba_ruta, monkeypatch):
    monkeypatch.setenv("ARTICULA_DB", str(bd_prueba_ruta))
    _comparar_panorama(f, *parametros)


# Con 500 pares se cuentan también los pares fuera del top (la cota `minimo` no descarta nada).
PARAMETROS_CONTADOS = [*PARAMETROS, (3, 2, 500, None, 500, 500), (0, 0, 5, GORE, 3, 0)]


def _contadas_igual_a_sql(f: Filtros, parametros) -> int:
    """Las filas de panorama contadas en numpy (sin filtros: de los marts guardados) son las del SQL de
    referencia, en el mismo orden y con los mismos tipos de Python; devuelve cuántas filas hubo."""
    top_matriz, top_red, n_pares, organizacion, n_socios, n_principales = parametros
    k = max(top_matriz, top_red)
    sql = coparticipacion._filas_sql(f, k, n_pares, organizacion, n_socios, n_principales)
    contar = coparticipacion._filas_resumen if f.es_vacio() else partial(coparticipacion._filas_contadas, f)
    contadas = contar(k, n_pares, organizacion, n_socios, n_principales)
    assert contadas == sql
    assert [tuple(map(type, fila)) for fila in contadas] == [tuple(map(type, fila)) for fila in sql]
    return len(sql)


@pytest.mark.parametrize("parametros", PARAMETROS_CONTADOS, ids=str)
def test_panorama_contado_igual_al_sql(parametros, bd_prueba_ruta, monkeypatch):
    monkeypatch.setenv("ARTICULA_DB", str(bd_prueba_ruta))
    # El filtro de organización va por el índice inverso: también con una que no existe, sola o con otra.
    con_organizacion = [Filtros(organizacion=("No existe", PNP), region=("Tumbes",)),
                        Filtros(organizacion=("No existe",))]
    filas_vistas = [_contadas_igual_a_sql(f, parametros) for f in [*con_organizacion, *FILTROS_PRUEBA]]
    assert sum(filas_vistas) > 0 and filas_vistas[1] == 0 and filas_vistas[-1] == 0  # Amazonas no tiene eventos


def test_indice_por_organizacion_igual_a_un_calculo_directo():
    """El índice se arma en un hilo: pedido enseguida (lo arma quien pide o espera al hilo) y otra vez después,
    da para cada organización las posiciones de sus eventos, en orden."""
    rng = np.random.default_rng(3)
    por_evento = rng.integers(0, 4, 500)
    inicio = np.concatenate(([0], np.cumsum(por_evento))).astype(np.int64)
    codigo = np.concatenate([rng.choice(40, k, replace=False) for k in por_evento]).astype(np.int32)
    conteo = np.bincount(codigo, minlength=41)
    esperadas = [[p for p in range(500) if c in codigo[inicio[p]:inicio[p + 1]]] for c in range(41)]
    for _ in range(20):  # varias carreras entre el hilo y quien pide
        indice = coparticipacion._PorOrganizacion(inicio, codigo, conteo)
        assert [indice.posiciones(c).tolist() for c in range(41)] == esperadas
        assert [indice.posiciones(c).tolist() for c in range(41)] == esperadas


def test_panorama_contado_del_corpus_igual_al_sql(bd_corpus, corpus, monkeypatch):
    monkeypatch.setenv("ARTICULA_DB", str(bd_corpus))
    conexion.olvidar_conexion()
    eventos, participaciones, temas, _ = corpus
    org = participaciones["nombre"].mode().iloc[0]
    for f in [Filtros(), *_filtros_corpus(eventos, participaciones, temas)]:
        for parametros in [(15, 30, 20, None, 20, 50), (5, 8, 300, org, 300, 300)]:
            assert _contadas_igual_a_sql(f, parametros) > 0


def test_panorama_contado_con_participaciones_desordenadas(tmp_path, monkeypatch):
    """Si evento_organizacion no viene guardada por evento (ni por organización dentro de cada evento), la
    incidencia se ordena y los pares salen a < b igual: mismas filas que el SQL."""
    ruta = bd.construir_bd(tmp_path / "desordenada.duckdb")
    with duckdb.connect(str(ruta)) as con:
        con.execute("CREATE TABLE revuelta AS SELECT * FROM evento_organizacion"
                    " ORDER BY hash(evento_id * 7 + organizacion_id)")
        con.execute("DELETE FROM evento_organizacion")
        con.execute("INSERT INTO evento_organizacion SELECT * FROM revuelta")
        eventos_leidos = [r[0] for r in con.execute("SELECT evento_id FROM evento_organizacion").fetchall()]
    assert eventos_leidos != sorted(eventos_leidos)  # de verdad desordenada
    monkeypatch.setenv("ARTICULA_DB", str(ruta))
    for f in FILTROS_PRUEBA[1:4]:
        for parametros in PARAMETROS_CONTADOS:
            _contadas_igual_a_sql(f, parametros)


def test_panorama_sigue_a_la_base_vigente(tmp_path, monkeypatch):
    """Las organizaciones por evento se guardan por versión de la base: si la base se reemplaza (otros
    eventos), panorama cuenta sobre la nueva."""
    ruta = bd.construir_bd(tmp_path / "cambia.duckdb")
    monkeypatch.setenv("ARTICULA_DB", str(ruta))
    f = Filtros(anio_desde=2023)
    antes = coparticipacion.panorama(f, 5, 5, 5, None, 5, 5)
    bd.construir_bd(tmp_path / "otra.duckdb", bd.EVENTOS[: len(bd.EVENTOS) // 2])
    os.replace(tmp_path / "otra.duckdb", ruta)
    despues = coparticipacion.panorama(f, 5, 5, 5, None, 5, 5)
    assert not despues.principales.equals(antes.principales)
    assert _contadas_igual_a_sql(f, (5, 5, 5, None, 5, 5)) > 0


def test_precalentar_deja_lista_la_incidencia_de_la_base_vigente(tmp_path, monkeypatch):
    """El tablero la lee en un hilo al arrancar: después, panorama no vuelve a leer la base para contarla."""
    ruta = bd.construir_bd(tmp_path / "precalentada.duckdb")
    monkeypatch.setenv("ARTICULA_DB", str(ruta))
    coparticipacion.precalentar().join(timeout=60)
    leidas = []
    monkeypatch.setattr(coparticipacion, "_leer_incidencia", lambda: leidas.append(1))
    vista = coparticipacion.panorama(Filtros(anio_desde=2023), 5, 5, 5, None, 5, 5)  # con filtro: cuenta
    assert leidas == [] and len(vista.principales) > 0


@pytest.fixture(scope="module")
def bd_prueba_ruta(tmp_path_factory):
    return bd.construir_bd(tmp_path_factory.mktemp("vistas") / "prueba.duckdb")


@pytest.fixture(scope="module")
def corpus(bd_corpus):
    """Tablas base del corpus incluido, leídas una vez para el cálculo independiente."""
    with duckdb.connect(str(bd_corpus), read_only=True) as con:
        eventos = con.execute(
            "SELECT evento_id, anio, region, pais, oficina, tipo_oficina, tipo_evento FROM eventos").df()
        participaciones = con.execute(
            "SELECT eo.evento_id, o.nombre FROM evento_organizacion eo JOIN organizaciones o USING (organizacion_id)"
        ).df()
        temas = con.execute("SELECT evento_id, tema FROM evento_tema").df()
        ids = dict(con.execute("SELECT nombre, organizacion_id FROM organizaciones").fetchall())
    return eventos, participaciones, temas, ids


def _filtros_corpus(eventos: pd.DataFrame, participaciones: pd.DataFrame, temas: pd.DataFrame) -> list[Filtros]:
    """Filtros sobre valores que sí aparecen en el corpus (los más frecuentes de cada campo)."""

    def frecuente(serie: pd.Series, i: int = 0) -> str:
        return str(serie.dropna().value_counts().index[i])

    anio = int(eventos["anio"].dropna().mode().iloc[0])
    org = frecuente(participaciones["nombre"])
    return [
        Filtros(region=(frecuente(eventos["region"]),)),
        Filtros(anio_desde=anio, anio_hasta=anio),
        Filtros(organizacion=(org,)),
        Filtros(tema=(frecuente(temas["tema"]),)),
        Filtros(tema=(frecuente(temas["tema"], 1),), tipo_oficina=(frecuente(eventos["tipo_oficina"]),)),
        Filtros(oficina=(frecuente(eventos["oficina"]), frecuente(eventos["oficina"], 1)), anio_desde=anio - 1),
        Filtros(pais=(frecuente(eventos["pais"], 1),)),
        Filtros(tipo_evento=(frecuente(eventos["tipo_evento"]),),
                organizacion=(frecuente(participaciones["nombre"], 3),)),
    ]


def _eventos_filtrados(f: Filtros, eventos, participaciones, temas) -> set[int]:
    """Los eventos que elige `f`, en Python: O dentro de un campo, Y entre campos."""
    elegidos = eventos
    if f.anio_desde is not None:
        elegidos = elegidos[elegidos["anio"] >= f.anio_desde]
    if f.anio_hasta is not None:
        elegidos = elegidos[elegidos["anio"] <= f.anio_hasta]
    for campo in ("region", "pais", "oficina", "tipo_oficina", "tipo_evento"):
        if getattr(f, campo):
            elegidos = elegidos[elegidos[campo].isin(getattr(f, campo))]
    ids = set(elegidos["evento_id"])
    if f.organizacion:
        ids &= set(participaciones.loc[participaciones["nombre"].isin(f.organizacion), "evento_id"])
    if f.tema:
        ids &= set(temas.loc[temas["tema"].isin(f.tema), "evento_id"])
    return ids


def test_panorama_del_corpus_coincide_con_un_calculo_independiente(bd_corpus, corpus, monkeypatch):
    """Pares, organizaciones y socios contados a mano en Python sobre los eventos filtrados."""
    monkeypatch.setenv("ARTICULA_DB", str(bd_corpus))
    conexion.olvidar_conexion()
    eventos, participaciones, temas, ids = corpus
    filtros = _filtros_corpus(eventos, participaciones, temas)
    comprobados = 0
    for f in filtros:
        elegidos = _eventos_filtrados(f, eventos, participaciones, temas)
        orgs_por_evento = participaciones[participaciones["evento_id"].isin(elegidos)].groupby("evento_id")["nombre"]
        por_org: Counter = Counter()
        pares: Counter = Counter()
        for _, nombres in orgs_por_evento:
            unicos = sorted(set(nombres), key=lambda n: ids[n])
            por_org.update(unicos)
            pares.update(itertools.combinations(unicos, 2))
        vista = coparticipacion.panorama(f, 15, 30, 20, None, 20, 50)
        # Pares: los 20 de más eventos (empates por id de organización, como la consulta), luego por nombre.
        esperados = sorted(pares.items(), key=lambda kv: (-kv[1], ids[kv[0][0]], ids[kv[0][1]]))[:20]
        esperados = sorted(esperados, key=lambda kv: (-kv[1], kv[0][0], kv[0][1]))
        claves = zip(vista.pares["organizacion_a"], vista.pares["organizacion_b"], strict=True)
        obtenidos = list(zip(claves, vista.pares["eventos"], strict=True))
        assert obtenidos == [(par, n) for par, n in esperados], f.descripcion()
        # Nodos de la red: las 30 con más eventos (empates por id), ordenadas por eventos y nombre.
        top = sorted(por_org.items(), key=lambda kv: (-kv[1], ids[kv[0]]))[:30]
        assert list(zip(vista.nodos["organizacion"], vista.nodos["eventos"], strict=True)) == sorted(
            top, key=lambda kv: (-kv[1], kv[0]))
        enteros = {o for o, _ in top}
        aristas = {(a, b): n for (a, b), n in pares.items() if a in enteros and b in enteros}
        assert dict(zip(zip(vista.aristas["organizacion_a"], vista.aristas["organizacion_b"], strict=True),
                        vista.aristas["eventos"], strict=True)) == aristas
        # Socios de la organización elegida.
        if vista.organizacion is not None:
            socios: Counter = Counter()
            for (a, b), n in pares.items():
                if vista.organizacion in (a, b):
                    socios[b if a == vista.organizacion else a] += n
            esperados_socios = sorted(socios.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
            assert list(zip(vista.socios["socio"], vista.socios["eventos"], strict=True)) == esperados_socios
        comprobados += len(vista.pares) > 0
    assert comprobados >= len(filtros) // 2  # la comparación no fue trivial: hubo pares en la mayoría


def test_panorama_del_corpus_igual_a_las_funciones_sueltas(bd_corpus, corpus, monkeypatch):
    monkeypatch.setenv("ARTICULA_DB", str(bd_corpus))
    conexion.olvidar_conexion()
    eventos, participaciones, temas, _ = corpus
    for f in [Filtros(), *_filtros_corpus(eventos, participaciones, temas)]:
        for parametros in PARAMETROS[:2]:
            organizacion = parametros[3] if parametros[3] is None else participaciones["nombre"].mode().iloc[0]
            _comparar_panorama(f, *parametros[:3], organizacion, *parametros[4:])


@pytest.mark.parametrize("f", [f for f in FILTROS_PRUEBA if f.anio_desde is not None]
                         + [Filtros(anio_desde=2024, anio_hasta=2024, region=("Tumbes", "Lima")),
                            Filtros(anio_desde=2024, anio_hasta=2024, tema=(MIGRACION,)),
                            Filtros(anio_desde=2024, anio_hasta=2024, organizacion=(GORE,), tipo_evento=("reunión",)),
                            Filtros(anio_desde=2023, anio_hasta=2024), Filtros(region=("Tumbes",))],
                         ids=lambda f: f.descripcion())
def test_cifras_con_anterior_igual_a_dos_cifras(f, bd_prueba_ruta, monkeypatch):
    monkeypatch.setenv("ARTICULA_DB", str(bd_prueba_ruta))
    actual, anterior = resumen.cifras_con_anterior(f)
    pd.testing.assert_frame_equal(actual, resumen.cifras(f))
    if f.periodo_anterior() is None:
        assert anterior is None
    else:
        pd.testing.assert_frame_equal(anterior, resumen.cifras(f.periodo_anterior()))


def test_cifras_con_anterior_del_corpus(bd_corpus, corpus, monkeypatch):
    """Con datos reales: el periodo anterior sí tiene eventos y cada cifra coincide con su consulta suelta."""
    monkeypatch.setenv("ARTICULA_DB", str(bd_corpus))
    conexion.olvidar_conexion()
    eventos, participaciones, temas, _ = corpus
    anio = int(eventos["anio"].max())
    con_eventos_antes = 0
    for f in _filtros_corpus(eventos, participaciones, temas):
        f = f.con(anio_desde=anio, anio_hasta=anio)
        actual, anterior = resumen.cifras_con_anterior(f)
        pd.testing.assert_frame_equal(actual, resumen.cifras(f))
        pd.testing.assert_frame_equal(anterior, resumen.cifras(f.periodo_anterior()))
        con_eventos_antes += int(anterior["eventos"].iloc[0]) > 0
    assert con_eventos_antes > 0


def _comparar_organizacion(f: Filtros, organizacion: str, limite: int | None, n_socios: int) -> int:
    from consultas import organizaciones

    vista = organizaciones.panorama(f, organizacion, "mes", limite, n_socios)
    assert vista.perfil == organizaciones.perfil(f, organizacion)
    pd.testing.assert_frame_equal(vista.linea, organizaciones.linea_organizacion(f, organizacion, "mes"))
    pd.testing.assert_frame_equal(vista.regiones, organizaciones.regiones_organizacion(f, organizacion))
    pd.testing.assert_frame_equal(vista.temas, organizaciones.temas_organizacion(f, organizacion))
    pd.testing.assert_frame_equal(vista.socios, coparticipacion.socios_de(f, organizacion, n_socios))
    pd.testing.assert_frame_equal(vista.eventos, organizaciones.eventos_organizacion(f, organizacion, limite))
    return len(vista.eventos)


@pytest.mark.parametrize("organizacion", [OIM, GORE, PNP, "No existe"])
@pytest.mark.parametrize("f", FILTROS_PRUEBA, ids=lambda f: f.descripcion())
def test_panorama_de_organizacion_igual_a_las_funciones_sueltas(f, organizacion, bd_prueba_ruta, monkeypatch):
    monkeypatch.setenv("ARTICULA_DB", str(bd_prueba_ruta))
    for limite, n_socios in [(500, 15), (1, 1), (None, 0)]:
        _comparar_organizacion(f, organizacion, limite, n_socios)


def test_panorama_de_organizacion_del_corpus(bd_corpus, corpus, monkeypatch):
    monkeypatch.setenv("ARTICULA_DB", str(bd_corpus))
    conexion.olvidar_conexion()
    eventos, participaciones, temas, _ = corpus
    frecuentes = list(participaciones["nombre"].value_counts().index[:3])
    con_eventos = 0
    for f in [Filtros(), *_filtros_corpus(eventos, participaciones, temas)]:
        for organizacion in frecuentes:
            con_eventos += _comparar_organizacion(f.con(organizacion=()), organizacion, 500, 15) > 0
    assert con_eventos > 0


@pytest.mark.parametrize("n", [10, 2, 0])
def test_socios_principales_en_numpy_y_en_sql_dan_lo_mismo(n, bd_prueba_ruta, monkeypatch):
    """Con filtro de organización, Resumen cuenta las principales en numpy; la misma tabla que el SQL."""
    monkeypatch.setenv("ARTICULA_DB", str(bd_prueba_ruta))
    con_organizacion = [f for f in FILTROS_PRUEBA if f.organizacion] + [
        Filtros(organizacion=(GORE,), region=("Lima",)), Filtros(organizacion=("No existe",))]
    for f in con_organizacion:
        numpy = coparticipacion.principales(f, n)
        assert numpy is not None, f.descripcion()
        pd.testing.assert_frame_equal(numpy, resumen.socios_principales_sql(f, n), obj=f.descripcion())
        pd.testing.assert_frame_equal(resumen.socios_principales(f, n), numpy)
    assert coparticipacion.principales(Filtros(region=("Lima",)), n) is None  # sin organización: SQL
    monkeypatch.setattr(coparticipacion, "MAXIMO_EVENTOS_ORGANIZACION", 0)  # demasiados eventos: SQL
    assert coparticipacion.principales(Filtros(organizacion=(OIM,)), n) is None


def test_cifras_en_numpy_y_en_sql_dan_lo_mismo(bd_prueba_ruta, monkeypatch):
    """Con filtro de organización, las organizaciones de las cifras se cuentan en la incidencia: mismas cifras
    (también las del periodo anterior) que el SQL."""
    monkeypatch.setenv("ARTICULA_DB", str(bd_prueba_ruta))
    con_organizacion = [f for f in FILTROS_PRUEBA if f.organizacion] + [
        Filtros(organizacion=(GORE,), region=("Lima",)), Filtros(organizacion=("No existe",)),
        Filtros(organizacion=(OIM, GORE), anio_desde=2024, anio_hasta=2024),
        Filtros(organizacion=(PNP,), anio_desde=2023, anio_hasta=2024, pais=("Perú",))]
    assert all(coparticipacion.cuenta_en_memoria(f) for f in con_organizacion)
    en_numpy = [(resumen.cifras_con_anterior(f), resumen.cifras(f)) for f in con_organizacion]
    monkeypatch.setattr(coparticipacion, "MAXIMO_EVENTOS_ORGANIZACION", -1)  # fuerza el SQL
    assert not any(coparticipacion.cuenta_en_memoria(f) for f in con_organizacion)
    for f, ((actual, anterior), sola) in zip(con_organizacion, en_numpy, strict=True):
        actual_sql, anterior_sql = resumen.cifras_con_anterior(f)
        pd.testing.assert_frame_equal(actual, actual_sql, obj=f.descripcion())
        pd.testing.assert_frame_equal(sola, resumen.cifras(f), obj=f.descripcion())
        assert (anterior is None) == (anterior_sql is None)
        if anterior is not None:
            pd.testing.assert_frame_equal(anterior, anterior_sql, obj=f.descripcion())
