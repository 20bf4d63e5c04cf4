"""La línea base pandas del benchmark responde lo mismo que Articula: si no, las «veces» no dirían nada."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import base_pandas, sintetico
from consultas import conexion, coparticipacion, regiones, resumen
from consultas.filtros import Filtros


@pytest.fixture(scope="module")
def bd_sintetica(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datos.almacen.construir import construir

    carpeta = tmp_path_factory.mktemp("base_pandas")
    corpus = sintetico.escribir(400, 11, carpeta / "corpus", procesos=1)
    ruta = carpeta / "articula.duckdb"
    construir([corpus], ruta, procesos=1, progreso=False)
    return ruta


@pytest.fixture
def datos(bd_sintetica: Path, monkeypatch: pytest.MonkeyPatch) -> base_pandas.Datos:
    monkeypatch.setenv("ARTICULA_DB", str(bd_sintetica))
    conexion.olvidar_conexion()
    cargados, _, memoria = base_pandas.cargar(str(bd_sintetica))
    assert memoria > 0
    yield cargados
    conexion.olvidar_conexion()


def _filtros(d: base_pandas.Datos) -> list[Filtros]:
    region = d.eventos["region"].dropna().value_counts().index[0]
    organizacion = d.eo["organizacion"].value_counts().index[0]
    tema = d.et["tema"].value_counts().index[0]
    return [Filtros(), Filtros(region=(region,)), Filtros(anio_desde=2023, anio_hasta=2023),
            Filtros(organizacion=(organizacion,)), Filtros(tema=(tema,), region=(region,))]


def test_cifras_y_regiones_coinciden_con_las_consultas(datos: base_pandas.Datos) -> None:
    for f in _filtros(datos):
        filtrados = base_pandas.filtrar(datos, f)
        esperadas = resumen.cifras(f).iloc[0]
        propias = base_pandas._cifras(datos, filtrados)
        assert propias["eventos"] == esperadas["eventos"] > 0, f.descripcion()
        assert propias["organizaciones"] == esperadas["organizaciones"], f.descripcion()
        por_region, _ = base_pandas.VISTAS["regiones"](datos, f, "")
        articula = regiones.eventos_por_region(f).set_index("region")["eventos"]
        articula = articula[articula > 0].to_dict()  # Articula lista también las regiones en cero (para el mapa)
        assert por_region["eventos"].to_dict() == articula, f.descripcion()


def test_pares_de_la_autounion_coinciden_con_los_precalculados(datos: base_pandas.Datos) -> None:
    for f in _filtros(datos):
        pares = base_pandas._pares(datos, base_pandas.filtrar(datos, f))
        conteo = {frozenset((a, b)): n for a, b, n in pares.itertuples(index=False)}
        principales = coparticipacion.pares_principales(f, 20)
        assert len(principales) > 0, f.descripcion()
        for fila in principales.itertuples(index=False):
            assert conteo[frozenset((fila.organizacion_a, fila.organizacion_b))] == fila.eventos, f.descripcion()
        assert max(conteo.values()) == principales["eventos"].max()


def test_la_cache_como_streamlit_entrega_una_copia_nueva_en_cada_llamada(datos: base_pandas.Datos) -> None:
    cache = base_pandas.CacheComoStreamlit(datos)
    primera, segunda = cache.obtener(), cache.obtener()
    assert primera is not segunda and primera.eventos is not segunda.eventos
    primera.eventos.loc[:, "region"] = "cambiada"  # lo que haga una ejecución no toca a la siguiente
    assert (cache.obtener().eventos["region"] != "cambiada").all() and len(datos.eventos) > 0


def test_las_novedades_en_pandas_coinciden_con_las_consultas(datos: base_pandas.Datos) -> None:
    from consultas import novedades

    anios = sorted(int(a) for a in datos.eventos["anio"].dropna().unique())
    medio = anios[len(anios) // 2]  # con años antes: el periodo anterior tiene eventos
    vistos_con_alza = con_anterior = 0
    for f in [*_filtros(datos), Filtros(anio_desde=medio, anio_hasta=medio)]:
        *_, propias = base_pandas.VISTAS["resumen"](datos, f, "")
        nuevas, en_alza, sin_actividad = propias
        esperadas = novedades.organizaciones_nuevas(f, 10)
        assert list(nuevas.index) == list(esperadas["organizacion"]), f.descripcion()
        assert list(nuevas["eventos"]) == list(esperadas["eventos"]), f.descripcion()
        pares = novedades.pares_en_alza(f, 10)
        assert sorted(en_alza["alza"], reverse=True) == list(pares["alza"]), f.descripcion()
        # Los pares por encima del alza más baja de la lista son los mismos (en el límite, un empate puede
        # dejar fuera a pares distintos: las dos desempatan por nombre, pero en distinto orden del par).
        minima = pares["alza"].min() if len(pares) else 0
        assert {frozenset(par) for par, alza in en_alza["alza"].items() if alza > minima} == {
            frozenset((a, b)) for a, b, alza in zip(pares["organizacion_a"], pares["organizacion_b"], pares["alza"],
                                                    strict=True) if alza > minima
        }, f.descripcion()
        vistos_con_alza += len(pares) > 0
        con_anterior += int((pares["eventos_anterior"] > 0).sum())
        assert sorted(sin_actividad) == sorted(novedades.regiones_sin_actividad(f)["region"]), f.descripcion()
    assert vistos_con_alza > 0 and con_anterior > 0
