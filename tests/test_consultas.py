"""Consultas sobre una base pequeña con respuestas conocidas (tests/bd_prueba.py).

Lo esperado se calcula en Python a partir de las filas escritas a mano, no
copiando lo que devuelve la consulta.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import duckdb
import pandas as pd
import pytest

from consultas import (
    calidad,
    coparticipacion,
    eventos,
    linea_tiempo,
    opciones,
    organizaciones,
    regiones,
    resumen,
    temas,
)
from consultas.conexion import BaseNoDisponible, cursor, hay_base, version_bd
from consultas.filtros import Filtros
from tests import bd_prueba as bd
from tests.bd_prueba import ACNUR, AFN, EVENTOS, GORE, OIM, PNP

GEOJSON = bd.RAIZ / "datos" / "geo" / "peru_departamental_simple.geojson"
NOMBRE = {i: n for i, n, *_ in bd.ORGANIZACIONES}


@pytest.fixture(scope="module")
def ruta_bd(tmp_path_factory):
    return bd.construir_bd(tmp_path_factory.mktemp("bd") / "articula.duckdb")


@pytest.fixture(autouse=True)
def usar_bd(ruta_bd, monkeypatch):
    monkeypatch.setenv("ARTICULA_DB", str(ruta_bd))


# --- Referencia en Python: qué eventos cumplen unos filtros ----------------------


def cumple(evento: dict, f: Filtros) -> bool:
    if f.anio_desde is not None and (evento["anio"] is None or evento["anio"] < f.anio_desde):
        return False
    if f.anio_hasta is not None and (evento["anio"] is None or evento["anio"] > f.anio_hasta):
        return False
    for campo in ("region", "pais", "oficina", "tipo_oficina", "tipo_evento"):
        if getattr(f, campo) and evento[campo] not in getattr(f, campo):
            return False
    if f.organizacion and not set(f.organizacion) & set(evento["organizaciones"]):
        return False
    if f.tema and not set(f.tema) & set(evento["temas"]):
        return False
    return True


def filtrados(f: Filtros) -> list[dict]:
    return [e for e in EVENTOS if cumple(e, f)]


COMBINACIONES = [
    Filtros(),
    Filtros(anio_desde=2023, anio_hasta=2023),
    Filtros(anio_desde=2024),
    Filtros(anio_hasta=2023),
    Filtros(region=("Tumbes",)),
    Filtros(region=("Tumbes", "Lima")),
    Filtros(pais=("Estados Unidos",)),
    Filtros(tipo_oficina=("oficina_desconcentrada",), anio_desde=2023, anio_hasta=2024),
    Filtros(organizacion=(PNP,)),
    Filtros(organizacion=(PNP, AFN)),
    Filtros(organizacion=(OIM,), region=("Tumbes",)),
    Filtros(tema=(bd.SEGURIDAD,)),
    Filtros(tema=(bd.SEGURIDAD, bd.VINCULACION)),
    Filtros(tema=(bd.MIGRACION,), organizacion=(ACNUR,), anio_desde=2024),
    Filtros(tipo_evento=("reunión",), oficina=("Cancillería Tumbes",)),
    Filtros(region=("Tumbes",), tema=(bd.VINCULACION,)),
]


@pytest.mark.parametrize("f", COMBINACIONES, ids=lambda f: f.descripcion())
def test_combinaciones_de_filtros(f):
    esperados = sorted(e["evento_id"] for e in filtrados(f))
    assert sorted(eventos.lista_eventos(f)["evento_id"]) == esperados
    assert eventos.contar_eventos(f) == len(esperados)
    assert int(resumen.cifras(f)["eventos"].iloc[0]) == len(esperados)


def test_combinaciones_cubren_casos_con_y_sin_resultados():
    tamanos = {len(filtrados(f)) for f in COMBINACIONES}
    assert 0 in tamanos and len(EVENTOS) in tamanos and len(tamanos) >= 4


# --- Línea de tiempo ---------------------------------------------------------------


def test_eventos_por_mes():
    df = linea_tiempo.eventos_por_periodo(Filtros(), "mes")
    esperado = Counter(e["mes"] for e in EVENTOS if e["fecha"])
    assert {p.date(): n for p, n in zip(df["periodo"], df["eventos"], strict=True)} == esperado
    assert set(df["grupo"]) == {"Todos"}
    assert df["eventos"].dtype == "int64"
    assert pd.api.types.is_datetime64_any_dtype(df["periodo"])
    assert df["eventos"].sum() == len(EVENTOS) - 1  # el evento sin fecha no entra


def test_eventos_por_anio_y_semana():
    por_anio = linea_tiempo.eventos_por_periodo(Filtros(), "anio")
    assert dict(zip(por_anio["periodo"].dt.year, por_anio["eventos"], strict=True)) == Counter(
        e["anio"] for e in EVENTOS if e["anio"]
    )
    por_semana = linea_tiempo.eventos_por_periodo(Filtros(), "semana")
    lunes = Counter(e["fecha"] - dt.timedelta(days=e["fecha"].weekday()) for e in EVENTOS if e["fecha"])
    assert {p.date(): n for p, n in zip(por_semana["periodo"], por_semana["eventos"], strict=True)} == lunes


def test_desglose_por_region_agrupa_lo_demas_en_otros():
    df = linea_tiempo.eventos_por_periodo(Filtros(), "mes", desglose="region", top=1)
    assert set(df["grupo"]) == {"Tumbes", "Otros"}  # Tumbes es la región con más eventos con fecha
    por_mes = df.groupby("periodo")["eventos"].sum()
    assert {p.date(): n for p, n in por_mes.items()} == Counter(e["mes"] for e in EVENTOS if e["fecha"])


def test_desglose_por_tema_cuenta_cada_evento_una_vez_por_grupo():
    df = linea_tiempo.eventos_por_periodo(Filtros(), "anio", desglose="tema", top=1)
    fila = df[(df["periodo"].dt.year == 2023) & (df["grupo"] == "Otros")]
    # En 2023 hay dos eventos con algún tema distinto de "migración y refugio" (102 y 103): 2, no 3.
    con_otros = {e["evento_id"] for e in EVENTOS if e["anio"] == 2023 and set(e["temas"]) - {bd.MIGRACION}}
    assert int(fila["eventos"].iloc[0]) == len(con_otros) == 2


@pytest.mark.parametrize("desglose", linea_tiempo.DESGLOSES)
def test_todos_los_desgloses_responden(desglose):
    df = linea_tiempo.eventos_por_periodo(Filtros(anio_desde=2023), "mes", desglose=desglose)
    assert list(df.columns) == ["periodo", "grupo", "eventos"]
    assert len(df) > 0 and df["eventos"].min() > 0


def test_granularidad_o_desglose_desconocidos_fallan_claramente():
    with pytest.raises(ValueError):
        linea_tiempo.eventos_por_periodo(Filtros(), "quincena")
    with pytest.raises(ValueError):
        linea_tiempo.eventos_por_periodo(Filtros(), "mes", desglose="titulo; DROP TABLE eventos")


# --- Regiones ---------------------------------------------------------------------


def test_eventos_por_region_trae_los_25_departamentos():
    df = regiones.eventos_por_region(Filtros())
    nombres_geo = {f["properties"]["NOMBDEP"] for f in json.loads(GEOJSON.read_text())["features"]}
    assert len(df) == 25
    assert set(df["nombre_geo"]) == nombres_geo
    esperado = Counter(e["region"] for e in EVENTOS if e["region"])
    obtenido = dict(zip(df["region"], df["eventos"], strict=True))
    assert {r: n for r, n in obtenido.items() if n} == esperado
    assert sum(1 for n in obtenido.values() if n == 0) == 25 - len(esperado)
    assert df["eventos"].dtype == "int64"
    tumbes = df[df["region"] == "Tumbes"].iloc[0]
    assert tumbes["oficinas"] == 1
    assert tumbes["organizaciones"] == len({o for e in EVENTOS if e["region"] == "Tumbes" for o in e["organizaciones"]})
    assert tumbes["ultima_fecha"].date() == max(e["fecha"] for e in EVENTOS if e["region"] == "Tumbes" and e["fecha"])


def test_filtro_de_region_deja_los_demas_en_cero():
    df = regiones.eventos_por_region(Filtros(region=("Lima",)))
    assert len(df) == 25
    assert dict(zip(df["region"], df["eventos"], strict=True))["Lima"] == 1
    assert df["eventos"].sum() == 1


def test_eventos_por_pais_solo_exterior():
    df = regiones.eventos_por_pais(Filtros())
    assert df.to_dict("records") == [{"pais": "Estados Unidos", "iso3": "USA", "eventos": 1}]
    assert regiones.eventos_por_pais(Filtros(region=("Tumbes",))).empty


# --- Resumen ------------------------------------------------------------------------


def test_cifras():
    fila = resumen.cifras(Filtros()).iloc[0]
    assert fila["eventos"] == len(EVENTOS)
    assert fila["organizaciones"] == len({o for e in EVENTOS for o in e["organizaciones"]})
    assert fila["oficinas"] == len({e["oficina"] for e in EVENTOS})
    assert fila["regiones"] == len({e["region"] for e in EVENTOS if e["region"]})
    assert fila["paises"] == len({e["pais"] for e in EVENTOS if e["pais"] != "Perú"})


def test_socios_principales():
    df = resumen.socios_principales(Filtros(), n=2)
    conteo = Counter(o for e in EVENTOS for o in e["organizaciones"])
    assert list(df["organizacion"]) == [o for o, _ in conteo.most_common(2)]
    assert list(df["eventos"]) == [n for _, n in conteo.most_common(2)]
    assert list(df.columns) == ["organizacion", "sigla", "tipo", "eventos"]


def test_ultimos_eventos_mas_reciente_primero_y_sin_fecha_al_final():
    df = resumen.ultimos_eventos(Filtros())
    con_fecha = sorted((e for e in EVENTOS if e["fecha"]), key=lambda e: e["fecha"], reverse=True)
    assert list(df["evento_id"]) == [e["evento_id"] for e in con_fecha] + [106]
    assert len(resumen.ultimos_eventos(Filtros(), n=2)) == 2


# --- Co-participación ----------------------------------------------------------------


@pytest.mark.parametrize("f", [Filtros(), Filtros(anio_desde=2023, anio_hasta=2023), Filtros(region=("Lima",))])
def test_pares_principales(f):
    df = coparticipacion.pares_principales(f, n=50)
    esperado = {(NOMBRE[a], NOMBRE[b]): n for (a, b), n in bd.pares_esperados(filtrados(f)).items()}
    obtenido = {(a, b): n for a, b, n in zip(df["organizacion_a"], df["organizacion_b"], df["eventos"], strict=True)}
    assert obtenido == esperado
    assert list(df["eventos"]) == sorted(df["eventos"], reverse=True)


def test_par_principal_es_oim_con_gobierno_regional():
    df = coparticipacion.pares_principales(Filtros(), n=1)
    assert {df["organizacion_a"].iloc[0], df["organizacion_b"].iloc[0]} == {OIM, GORE}
    assert df["eventos"].iloc[0] == 3


def test_matriz_simetrica_con_diagonal_de_eventos():
    df = coparticipacion.matriz(Filtros(), top_n=4)
    conteo = Counter(o for e in EVENTOS for o in e["organizaciones"])
    top = {o for o, _ in conteo.most_common(4)}
    assert set(df["fila"]) == set(df["columna"]) == top
    assert len(df) == 16
    celdas = {(a, b): n for a, b, n in zip(df["fila"], df["columna"], df["eventos"], strict=True)}
    for a in top:
        assert celdas[(a, a)] == conteo[a]
        for b in top:
            assert celdas[(a, b)] == celdas[(b, a)]
    pares = bd.pares_esperados()
    assert celdas[(OIM, GORE)] == pares[(bd.ID_ORG[OIM], bd.ID_ORG[GORE])]
    assert celdas[(OIM, ACNUR)] == pares[(bd.ID_ORG[OIM], bd.ID_ORG[ACNUR])]
    assert sorted(df.attrs["orden"]) == sorted(top)
    assert set(df["orden_fila"]) == set(range(4))
    assert set(df["etiqueta_fila"]) >= {"OIM", "PNP"}


def test_orden_de_la_matriz_junta_a_los_grupos():
    eventos_org = {n: 10 for n in "ABCDEF"}
    juntos = {("A", "B"): 8, ("B", "C"): 7, ("A", "C"): 6, ("D", "E"): 9, ("E", "F"): 8, ("D", "F"): 7, ("C", "D"): 1}
    orden = coparticipacion.ordenar(["A", "D", "B", "E", "C", "F"], eventos_org, juntos)
    posiciones = {n: i for i, n in enumerate(orden)}
    assert max(posiciones[n] for n in "ABC") - min(posiciones[n] for n in "ABC") == 2
    assert max(posiciones[n] for n in "DEF") - min(posiciones[n] for n in "DEF") == 2
    assert abs(posiciones["C"] - posiciones["D"]) == 1  # el único puente queda en el empalme


def test_red_nodos_y_aristas():
    nodos, aristas = coparticipacion.red(Filtros(), top_n=30)
    conteo = Counter(o for e in EVENTOS for o in e["organizaciones"])
    assert dict(zip(nodos["organizacion"], nodos["eventos"], strict=True)) == conteo
    assert list(nodos.columns)[:4] == ["organizacion", "sigla", "tipo", "eventos"]
    esperado = {(NOMBRE[a], NOMBRE[b]): n for (a, b), n in bd.pares_esperados().items()}
    assert {(a, b): n for a, b, n in aristas.itertuples(index=False)} == esperado


def test_socios_de_una_organizacion():
    df = coparticipacion.socios_de(Filtros(), OIM)
    esperado = Counter(o for e in EVENTOS if OIM in e["organizaciones"] for o in e["organizaciones"] if o != OIM)
    assert dict(zip(df["socio"], df["eventos"], strict=True)) == esperado
    assert df["socio"].iloc[0] == GORE
    solo_2023 = coparticipacion.socios_de(Filtros(anio_desde=2023, anio_hasta=2023), PNP)
    assert list(solo_2023["socio"]) == [OIM]


def test_sin_marts_precalculados_se_calcula_igual(tmp_path, monkeypatch):
    ruta = bd.construir_bd(tmp_path / "vieja.duckdb")
    with duckdb.connect(str(ruta)) as con:
        for mart in ("evento_par", "organizacion_resumen", "par_resumen"):
            con.execute(f"DROP TABLE IF EXISTS {mart}")
    monkeypatch.setenv("ARTICULA_DB", str(ruta))
    for f in (Filtros(), Filtros(anio_desde=2023)):
        df = coparticipacion.pares_principales(f, n=1)
        assert {df["organizacion_a"].iloc[0], df["organizacion_b"].iloc[0]} == {OIM, GORE}
        assert coparticipacion.socios_de(f, OIM)["socio"].iloc[0] == GORE
        assert len(coparticipacion.matriz(f, top_n=3)) == 9
    assert resumen.socios_principales(Filtros(), n=1)["organizacion"].iloc[0] == OIM


SIN_Y_CON_FILTRO_NEUTRO = [
    ("cifras", lambda f: resumen.cifras(f)),
    ("socios", lambda f: resumen.socios_principales(f, 50)),
    ("pares", lambda f: coparticipacion.pares_principales(f, 50)),
    ("matriz", lambda f: coparticipacion.matriz(f, 50)),
    ("socios_de", lambda f: coparticipacion.socios_de(f, GORE)),
    ("fuera", lambda f: calidad.fuera_de_catalogo(f)),
    ("regiones", lambda f: regiones.eventos_por_region(f)),
]


@pytest.mark.parametrize(("nombre", "vista"), SIN_Y_CON_FILTRO_NEUTRO)
def test_atajos_sin_filtros_coinciden_con_la_consulta_filtrada(nombre, vista):
    """Sin filtros se leen marts precalculados; un filtro que lo incluye todo debe dar lo mismo."""
    todo = Filtros(pais=tuple({e["pais"] for e in EVENTOS}))  # no es vacío, pero no excluye nada
    assert len(filtrados(todo)) == len(EVENTOS)
    pd.testing.assert_frame_equal(vista(Filtros()), vista(todo), check_dtype=False)


# --- Temas y organizaciones ---------------------------------------------------------


def test_temas_por_periodo_y_region():
    por_periodo = temas.temas_por_periodo(Filtros())
    esperado = Counter((e["mes"], t) for e in EVENTOS if e["fecha"] for t in e["temas"])
    assert {(p.date(), t): n for p, t, n in por_periodo.itertuples(index=False)} == esperado
    por_region = temas.temas_por_region(Filtros())
    esperado = Counter((t, e["region"]) for e in EVENTOS if e["region"] for t in e["temas"])
    assert {(t, r): n for t, r, n in por_region.itertuples(index=False)} == esperado


def test_perfil_y_vistas_de_una_organizacion():
    suyos = [e for e in EVENTOS if OIM in e["organizaciones"]]
    perfil = organizaciones.perfil(Filtros(), OIM)
    assert perfil["sigla"] == "OIM" and perfil["en_catalogo"] is True
    assert perfil["eventos"] == len(suyos)
    assert perfil["primera_fecha"] == min(e["fecha"] for e in suyos if e["fecha"])
    assert perfil["ultima_fecha"] == max(e["fecha"] for e in suyos if e["fecha"])
    assert organizaciones.perfil(Filtros(), AFN)["en_catalogo"] is False
    assert organizaciones.perfil(Filtros(), "No existe") == {}

    linea = organizaciones.linea_organizacion(Filtros(), OIM, "mes")
    assert linea["eventos"].sum() == sum(1 for e in suyos if e["fecha"])
    por_region = organizaciones.regiones_organizacion(Filtros(), OIM)
    assert dict(zip(por_region["region"], por_region["eventos"], strict=True)) == Counter(
        e["region"] or "Exterior" for e in suyos
    )
    por_tema = organizaciones.temas_organizacion(Filtros(), OIM)
    esperado_temas = Counter(t for e in suyos for t in e["temas"])
    assert dict(zip(por_tema["tema"], por_tema["eventos"], strict=True)) == esperado_temas
    lista = organizaciones.eventos_organizacion(Filtros(), OIM)
    assert sorted(lista["evento_id"]) == sorted(e["evento_id"] for e in suyos)
    assert set(lista["mencion"]) == {"OIM"}
    assert all(OIM in ev for ev in lista["evidencia"])


# --- Eventos ------------------------------------------------------------------------


def test_lista_eventos_columnas_y_listas_legibles():
    df = eventos.lista_eventos(Filtros())
    assert list(df.columns) == [
        "evento_id", "fecha", "fecha_publicacion", "titulo", "tipo_nota", "numero_nota", "oficina",
        "tipo_oficina", "pais", "region", "tipo_evento", "organizaciones", "temas", "espacios", "url", "archivo",
    ]  # fmt: skip
    fila = df[df["evento_id"] == 104].iloc[0]
    assert fila["organizaciones"] == ", ".join(sorted([ACNUR, GORE, PNP, AFN]))
    assert df[df["evento_id"] == 101].iloc[0]["espacios"].startswith("Mesa de Trabajo")
    assert df["evento_id"].iloc[-1] == 106  # sin fecha al final
    assert len(eventos.lista_eventos(Filtros(), limite=2)) == 2


def test_detalle_y_evidencias_de_un_evento():
    detalle = eventos.detalle_evento(104)
    assert detalle["titulo"] == EVENTOS[3]["titulo"]
    assert detalle["texto"] == bd.texto_nota(EVENTOS[3])
    assert detalle["fecha"] == dt.date(2024, 1, 15)
    evidencias = eventos.evidencias_evento(104)
    organizaciones_con_evidencia = evidencias[evidencias["campo"] == "organizacion"]
    assert set(organizaciones_con_evidencia["valor"]) == set(EVENTOS[3]["organizaciones"])
    assert all(ev in detalle["texto"] for ev in organizaciones_con_evidencia["evidencia"])
    assert {"oficina", "region", "tipo_evento", "tema"} <= set(evidencias["campo"])
    assert eventos.detalle_evento(999) == {}
    assert eventos.evidencias_evento(999).empty


# --- Calidad ------------------------------------------------------------------------


def test_calidad():
    assert sorted(calidad.rechazos()["archivo"]) == sorted(r[0] for r in bd.RECHAZOS)
    assert list(calidad.notas_sin_fecha(Filtros())["evento_id"]) == [e["evento_id"] for e in EVENTOS if not e["fecha"]]
    fuera = calidad.fuera_de_catalogo(Filtros())
    assert list(fuera["organizacion"]) == [AFN]
    assert fuera["notas"].iloc[0] == 1 and AFN in fuera["ejemplo"].iloc[0]
    fila = calidad.resumen_calidad().iloc[0]
    assert fila["notas"] == fila["eventos"] == len(EVENTOS)
    assert fila["sin_fecha"] == 1 and fila["rechazos"] == 2 and fila["organizaciones_fuera_catalogo"] == 1


# --- Opciones -----------------------------------------------------------------------


def test_opciones_salen_de_la_base():
    o = opciones.opciones()
    assert (o.anio_min, o.anio_max) == (2023, 2024)
    assert set(o.region) == {e["region"] for e in EVENTOS if e["region"]}
    assert set(o.organizacion) == {n for _, n, *_ in bd.ORGANIZACIONES}
    assert set(o.tema) == {t for e in EVENTOS for t in e["temas"]}
    assert o.hay_sinteticas is False


def test_url_hostil_de_punta_a_punta():
    params = {
        "region": ["Tumbes' OR 1=1 --", "Tumbes"],
        "organizacion": ["../../etc/passwd"],
        "anio_desde": ["2023; DROP TABLE eventos"],
        "tema": ["x" * 10_000],
    }
    f, avisos = Filtros.desde_query_params(params, opciones.opciones())
    assert f == Filtros(region=("Tumbes",))
    assert len(avisos) == 4
    assert eventos.contar_eventos(f) == len(filtrados(f))
    assert eventos.contar_eventos(Filtros()) == len(EVENTOS)  # la tabla sigue intacta


# --- Resultados vacíos: marcos vacíos con sus columnas, nunca excepciones -------------

NADA = Filtros(region=("Región que no existe",))

VISTAS_VACIAS = [
    (resumen.socios_principales, ["organizacion", "sigla", "tipo", "eventos"]),
    (resumen.ultimos_eventos, ["evento_id", "fecha", "titulo", "oficina", "region", "pais", "tipo_evento"]),
    (linea_tiempo.eventos_por_periodo, ["periodo", "grupo", "eventos"]),
    (lambda f: linea_tiempo.eventos_por_periodo(f, "semana", "organizacion"), ["periodo", "grupo", "eventos"]),
    (eventos.lista_eventos, None),
    (regiones.eventos_por_pais, ["pais", "iso3", "eventos"]),
    (lambda f: coparticipacion.pares_principales(f), ["organizacion_a", "organizacion_b", "eventos"]),
    (coparticipacion.matriz, ["fila", "columna", "eventos"]),
    (lambda f: coparticipacion.red(f)[0], ["organizacion", "sigla", "tipo", "eventos"]),
    (lambda f: coparticipacion.red(f)[1], ["organizacion_a", "organizacion_b", "eventos"]),
    (lambda f: coparticipacion.socios_de(f, OIM), ["socio", "sigla", "tipo", "eventos"]),
    (temas.temas_por_periodo, ["periodo", "tema", "eventos"]),
    (temas.temas_por_region, ["tema", "region", "eventos"]),
    (lambda f: organizaciones.linea_organizacion(f, OIM), ["periodo", "eventos"]),
    (lambda f: organizaciones.regiones_organizacion(f, OIM), ["region", "eventos"]),
    (lambda f: organizaciones.temas_organizacion(f, OIM), ["tema", "eventos"]),
    (
        lambda f: organizaciones.eventos_organizacion(f, OIM),
        ["evento_id", "fecha", "titulo", "oficina", "region", "mencion", "evidencia"],
    ),
    (calidad.notas_sin_fecha, ["evento_id", "titulo", "archivo", "url"]),
    (calidad.fuera_de_catalogo, ["organizacion", "sigla", "tipo", "notas", "ejemplo"]),
]


@pytest.mark.parametrize(("vista", "columnas"), VISTAS_VACIAS)
def test_sin_resultados_devuelve_marco_vacio_con_columnas(vista, columnas):
    df = vista(NADA)
    assert isinstance(df, pd.DataFrame) and df.empty
    if columnas:
        assert list(df.columns)[: len(columnas)] == columnas
    assert not vista(Filtros()).empty  # la misma vista sin filtros sí trae datos


def test_sin_resultados_cifras_en_cero_y_regiones_completas():
    assert resumen.cifras(NADA).iloc[0].tolist() == [0, 0, 0, 0, 0]
    df = regiones.eventos_por_region(NADA)
    assert len(df) == 25 and df["eventos"].sum() == 0
    assert organizaciones.perfil(NADA, OIM)["eventos"] == 0
    assert eventos.contar_eventos(NADA) == 0


# --- Conexión -----------------------------------------------------------------------


def test_la_conexion_es_de_solo_lectura(ruta_bd):
    with cursor() as c, pytest.raises(duckdb.Error):
        c.execute("INSERT INTO rechazos (archivo, motivo) VALUES ('x', 'y')")
    # Otro proceso (otro tablero) puede abrir la misma base mientras este la tiene abierta.
    codigo = (
        "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True);"
        " print(con.execute('SELECT count(*) FROM eventos').fetchone()[0])"
    )
    salida = subprocess.run([sys.executable, "-c", codigo, str(ruta_bd)], capture_output=True, text=True, timeout=60)
    assert salida.stdout.strip() == str(len(EVENTOS)), salida.stderr


def test_reemplazo_atomico_trae_los_datos_nuevos(tmp_path, monkeypatch):
    ruta = bd.construir_bd(tmp_path / "articula.duckdb")
    monkeypatch.setenv("ARTICULA_DB", str(ruta))
    antes = version_bd()
    assert eventos.contar_eventos(Filtros()) == len(EVENTOS)
    assert opciones.opciones().anio_max == 2024
    nuevo = dict(EVENTOS[0], evento_id=201, fecha=dt.date(2025, 3, 1), anio=2025, mes=dt.date(2025, 3, 1))
    with cursor() as viejo:  # un cursor abierto sigue viendo la versión anterior
        bd.construir_bd(tmp_path / "nueva.duckdb", EVENTOS + [nuevo])
        os.replace(tmp_path / "nueva.duckdb", ruta)
        assert version_bd() != antes
        assert eventos.contar_eventos(Filtros()) == len(EVENTOS) + 1
        assert opciones.opciones().anio_max == 2025
        assert viejo.execute("SELECT count(*) FROM eventos").fetchone()[0] == len(EVENTOS)


def test_sin_base(tmp_path, monkeypatch):
    monkeypatch.setenv("ARTICULA_DB", str(tmp_path / "no_existe.duckdb"))
    assert not hay_base()
    assert opciones.opciones() == opciones.Opciones()
    with pytest.raises(BaseNoDisponible):
        eventos.contar_eventos(Filtros())


def test_consultas_en_paralelo_dan_lo_mismo_que_en_serie():
    tareas = [(f, len(filtrados(f))) for f in COMBINACIONES] * 4
    errores: list[BaseException] = []
    candado = threading.Lock()

    def correr(tarea):
        f, esperado = tarea
        try:
            assert eventos.contar_eventos(f) == esperado
            coparticipacion.matriz(f)
            regiones.eventos_por_region(f)
        except BaseException as e:  # noqa: BLE001
            with candado:
                errores.append(e)

    with ThreadPoolExecutor(max_workers=8) as grupo:
        list(grupo.map(correr, tareas))
    assert errores == []


def test_los_archivos_sql_solo_tienen_la_marca_donde():
    """El único texto que se inserta en el SQL es la condición de Filtros (nombres fijos y `?`)."""
    from consultas.conexion import CARPETA_SQL

    archivos = sorted(CARPETA_SQL.glob("*.sql"))
    assert len(archivos) > 20
    for archivo in archivos:
        texto = archivo.read_text(encoding="utf-8")
        sin_marca = texto.replace("{donde}", "")
        assert "{" not in sin_marca and "}" not in sin_marca, archivo.name
        assert "$" not in texto and "%s" not in texto, archivo.name
        if archivo.stem.endswith("_todos"):
            assert "{donde}" not in texto and (CARPETA_SQL / f"{archivo.stem[:-6]}.sql").is_file(), archivo.name
