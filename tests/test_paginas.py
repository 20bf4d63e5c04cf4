"""El tablero con AppTest: cada página con los datos incluidos y con una base de respuestas conocidas, filtros
que no coinciden con nada, filtros tomados de la URL y la ficha de un evento con su evidencia."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from paginas import _formato as formato
from paginas import _pestanas
from paginas._eventos import MARCA, partir_por_evidencias
from paginas._red import disposicion
from tests import bd_prueba

RAIZ = Path(__file__).resolve().parent.parent
APP = str(RAIZ / "app.py")
SIN_EVENTOS = "No hay eventos que coincidan con los filtros"
PAGINAS = {
    "paginas/resumen.py": "Resumen",
    "paginas/linea_de_tiempo.py": "Línea de tiempo",
    "paginas/regiones.py": "Regiones",
    "paginas/coparticipacion.py": "Coparticipación",
    "paginas/temas.py": "Temas",
    "paginas/organizaciones.py": "Organizaciones",
    "paginas/explorador.py": "Explorador",
    "paginas/calidad.py": "Calidad de datos",
    "paginas/acerca.py": "Acerca de Articula",
}
# Páginas que muestran eventos filtrados: sin coincidencias deben decirlo y ofrecer limpiar los filtros.
PAGINAS_CON_EVENTOS = ["paginas/resumen.py", "paginas/linea_de_tiempo.py", "paginas/regiones.py",
                       "paginas/coparticipacion.py", "paginas/temas.py", "paginas/explorador.py"]


@pytest.fixture(scope="module")
def bd_conocida(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """La base pequeña de respuestas conocidas de tests/bd_prueba.py."""
    return bd_prueba.construir_bd(tmp_path_factory.mktemp("tablero") / "conocida.duckdb")


def _abrir(ruta: Path, monkeypatch: pytest.MonkeyPatch, pagina: str | None = None, **params) -> AppTest:
    monkeypatch.setenv("ARTICULA_DB", str(ruta))
    at = AppTest.from_file(APP, default_timeout=60)
    for clave, valor in params.items():
        at.query_params[clave] = valor
    at.run()
    if pagina:
        at.switch_page(pagina).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _textos(at: AppTest) -> str:
    partes = [e.value for e in (*at.info, *at.warning, *at.success, *at.markdown, *at.caption, *at.text)]
    return "\n".join(str(p) for p in partes)


def _contar(ruta: Path, sql: str, params: list | None = None) -> int:
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        return int(con.execute(sql, params or []).fetchone()[0])
    finally:
        con.close()


@pytest.mark.parametrize("pagina", list(PAGINAS))
def test_cada_pagina_con_los_datos_incluidos(bd_corpus: Path, monkeypatch, pagina):
    at = _abrir(bd_corpus, monkeypatch, pagina)
    assert at.title[0].value == PAGINAS[pagina]
    # la barra lateral siempre ofrece los filtros comunes
    assert [m.label for m in at.sidebar.multiselect] == [
        "Región", "País", "Oficina", "Tipo de oficina", "Organización", "Tema", "Tipo de evento"]


@pytest.mark.parametrize("pagina", list(PAGINAS))
def test_cada_pagina_con_base_conocida(bd_conocida: Path, monkeypatch, pagina):
    at = _abrir(bd_conocida, monkeypatch, pagina)
    assert at.title[0].value == PAGINAS[pagina]
    assert SIN_EVENTOS not in _textos(at)


def test_resumen_muestra_las_cifras_de_la_base(bd_conocida: Path, monkeypatch):
    at = _abrir(bd_conocida, monkeypatch)
    cifras = {m.label: m.value for m in at.metric}
    assert cifras["Eventos"] == formato.numero(_contar(bd_conocida, "SELECT count(*) FROM eventos"))
    assert cifras["Organizaciones"] == formato.numero(
        _contar(bd_conocida, "SELECT count(DISTINCT organizacion_id) FROM evento_organizacion"))


@pytest.mark.parametrize("pagina", PAGINAS_CON_EVENTOS)
def test_filtros_sin_coincidencias_lo_dicen_y_ofrecen_limpiar(bd_conocida: Path, monkeypatch, pagina):
    # Tumbes y Estados Unidos existen, pero ningún evento está en ambos a la vez.
    at = _abrir(bd_conocida, monkeypatch, pagina, region="Tumbes", pais="Estados Unidos")
    assert SIN_EVENTOS in _textos(at)
    botones = [b for b in at.main.button if b.label == "Limpiar filtros"]
    assert botones, "falta el botón para limpiar filtros junto al mensaje"
    botones[0].click().run()
    assert not at.exception
    assert SIN_EVENTOS not in _textos(at)
    assert at.sidebar.multiselect(key="f_region").value == []
    assert "region" not in at.query_params


def test_filtros_desde_la_url(bd_conocida: Path, monkeypatch):
    at = _abrir(bd_conocida, monkeypatch, "paginas/explorador.py",
                region=["Tumbes", "Lima"], anio_desde="2023", anio_hasta="2023")
    assert sorted(at.sidebar.multiselect(key="f_region").value) == ["Lima", "Tumbes"]
    assert at.sidebar.slider(key="f_anios").value == (2023, 2023) or at.sidebar.slider(key="f_anios").value[1] == 2023
    esperado = _contar(bd_conocida, "SELECT count(*) FROM eventos WHERE region IN ('Tumbes', 'Lima') AND anio = 2023")
    assert esperado > 0
    assert f"{formato.plural(esperado, 'evento')}" in _textos(at)
    tabla = at.dataframe[0].value
    assert len(tabla) == esperado
    assert set(tabla["region"]) <= {"Tumbes", "Lima"}
    # la URL conserva los filtros (se puede copiar) y el texto dice qué se filtró
    assert sorted(at.query_params["region"]) == ["Lima", "Tumbes"]
    assert formato.escapar_markdown("Año: 2023 · Regiones: Lima y Tumbes") in _textos(at)


def test_los_filtros_persisten_al_cambiar_de_pagina(bd_conocida: Path, monkeypatch):
    at = _abrir(bd_conocida, monkeypatch, None, region="Tumbes")
    for pagina in ("paginas/regiones.py", "paginas/explorador.py"):
        at.switch_page(pagina).run()
        assert not at.exception
        assert at.sidebar.multiselect(key="f_region").value == ["Tumbes"]
        assert at.query_params["region"] == "Tumbes"


def test_cambiar_un_filtro_actualiza_la_url(bd_conocida: Path, monkeypatch):
    at = _abrir(bd_conocida, monkeypatch, "paginas/explorador.py")
    at.sidebar.multiselect(key="f_tema").select(bd_prueba.SEGURIDAD).run()
    assert at.query_params["tema"] == bd_prueba.SEGURIDAD
    esperado = _contar(bd_conocida, "SELECT count(DISTINCT evento_id) FROM evento_tema WHERE tema = ?",
                       [bd_prueba.SEGURIDAD])
    assert len(at.dataframe[0].value) == esperado


def test_valores_desconocidos_en_la_url_se_ignoran_con_aviso(bd_conocida: Path, monkeypatch):
    at = _abrir(bd_conocida, monkeypatch, None, region=["Atlántida", "Tumbes"], anio_desde="abc")
    avisos = " ".join(w.value for w in at.warning)
    assert "Atlántida" in avisos
    assert "año inicial" in avisos
    assert at.sidebar.multiselect(key="f_region").value == ["Tumbes"]
    assert at.query_params["region"] == "Tumbes"
    assert "anio_desde" not in at.query_params


def test_limpiar_filtros_desde_la_barra(bd_conocida: Path, monkeypatch):
    at = _abrir(bd_conocida, monkeypatch, None, region="Tumbes", tema=bd_prueba.MIGRACION)
    at.sidebar.button(key="limpiar_barra").click().run()
    assert at.sidebar.multiselect(key="f_region").value == []
    assert at.sidebar.multiselect(key="f_tema").value == []
    assert not any(k in at.query_params for k in ("region", "tema"))


def test_explorador_ofrece_las_tres_descargas_con_nombre_del_filtro(bd_conocida: Path, monkeypatch):
    at = _abrir(bd_conocida, monkeypatch, "paginas/explorador.py", region="Tumbes")
    etiquetas = [b.label for b in at.get("download_button")]
    assert {"Descargar CSV", "Descargar Excel", "Descargar Parquet"} <= set(etiquetas)


def test_aviso_de_notas_sinteticas_en_todas_las_paginas(bd_conocida: Path, tmp_path: Path, monkeypatch):
    ruta = tmp_path / "sintetica.duckdb"
    shutil.copyfile(bd_conocida, ruta)
    con = duckdb.connect(str(ruta))
    con.execute("UPDATE notas SET sintetica = TRUE WHERE nota_id = 101")
    con.close()
    at = _abrir(ruta, monkeypatch)
    for pagina in PAGINAS:
        at.switch_page(pagina).run()
        assert any("sintéticas" in w.value for w in at.warning), pagina
    sin = _abrir(bd_conocida, monkeypatch)
    assert not any("sintéticas" in w.value for w in sin.warning)


def test_sin_base_la_construye_con_las_notas_incluidas(tmp_path: Path, monkeypatch):
    ruta = tmp_path / "nueva" / "articula.duckdb"
    ruta.parent.mkdir()
    at = _abrir(ruta, monkeypatch)
    assert ruta.exists()
    eventos = _contar(ruta, "SELECT count(*) FROM eventos")
    assert eventos > 0
    assert {m.label: m.value for m in at.metric}["Eventos"] == formato.numero(eventos)


def test_sin_base_y_sin_poder_construirla_explica_el_comando(tmp_path: Path, monkeypatch):
    ruta = tmp_path / "no_existe" / "articula.duckdb"  # carpeta inexistente: la construcción falla
    at = _abrir(ruta, monkeypatch)
    assert any("No se encontró la base" in e.value for e in at.error)
    assert any("python -m datos construir" in c.value for c in at.code)


# --- La ficha de un evento ---------------------------------------------------------------------------------

HOSTIL = "**Negrita** <script>alert(1)</script> [enlace](javascript:alert(1)) <b>html</b>"


def _ficha(evento_id: int) -> None:
    from paginas import _eventos

    _eventos.mostrar_evento(evento_id)


def test_ficha_del_evento_marca_la_evidencia_y_no_interpreta_el_texto(tmp_path: Path, monkeypatch):
    evento = bd_prueba._evento(
        900, HOSTIL, "2024-02-02", "2024-02-03", "Cancillería Tumbes", "oficina_desconcentrada", "Perú",
        "Tumbes", "reunión", [bd_prueba.OIM], [bd_prueba.MIGRACION])
    ruta = bd_prueba.construir_bd(tmp_path / "hostil.duckdb", [evento])
    monkeypatch.setenv("ARTICULA_DB", str(ruta))
    at = AppTest.from_function(_ficha, args=(900,), default_timeout=30).run()
    assert not at.exception, [e.message for e in at.exception]
    # el título hostil se muestra escapado: ni negrita, ni HTML, ni enlace
    assert at.subheader[0].value == formato.escapar_markdown(HOSTIL)
    assert "<script>" not in at.subheader[0].value
    marcadas = [i.value for i in at.info]
    oracion = bd_prueba.evidencia(evento, bd_prueba.OIM)
    assert formato.escapar_markdown(MARCA + oracion) in marcadas
    # el texto corriente va como texto plano, tal cual
    assert any(HOSTIL in t.value for t in at.text)
    assert not at.get("html")


def test_partir_por_evidencias_conserva_todo_el_texto():
    texto = "Uno dice algo. Dos es evidencia. Tres no. Cuatro también es evidencia."
    tramos = partir_por_evidencias(texto, {"Dos es evidencia.": ["Oficina"],
                                           "Cuatro también es evidencia.": ["Fecha"], "No aparece.": ["Tema"]})
    assert "".join(t for t, _ in tramos) == texto
    assert [t for t, c in tramos if c] == ["Dos es evidencia.", "Cuatro también es evidencia."]


# --- Formato y red ---------------------------------------------------------------------------------------------


def test_formato_peruano():
    assert formato.fecha_larga(dt.date(2023, 12, 21)) == "21 de diciembre de 2023"
    assert formato.fecha_larga(pd.NaT) == "sin fecha"
    assert formato.etiqueta_periodo(pd.Timestamp("2024-09-01")) == "septiembre 2024"
    assert formato.etiqueta_eje(dt.date(2024, 1, 1)) == "ene 2024"
    assert formato.numero(12345) == "12,345"
    assert formato.numero(1234.5, 1) == "1,234.5"
    assert formato.tipo_organizacion("gobierno_regional") == "Gobierno regional"


def test_disposicion_de_la_red_es_determinista_y_finita():
    nodos = [f"org{i}" for i in range(12)]
    aristas = pd.DataFrame([(f"org{i}", f"org{(i * 5 + 1) % 12}", i + 1) for i in range(12)],
                           columns=["organizacion_a", "organizacion_b", "eventos"])
    primera = disposicion(nodos, aristas)
    assert primera == disposicion(nodos, aristas)
    assert set(primera) == set(nodos)
    coordenadas = [c for xy in primera.values() for c in xy]
    assert all(-1.0001 <= c <= 1.0001 for c in coordenadas)
    assert len({xy for xy in primera.values()}) == len(nodos)  # ningún nodo encima de otro


def _app_estrechar() -> None:
    """Un clic simulado: el callback de selección de un gráfico estrecha la región y el tema."""
    import streamlit as st

    from paginas import _datos, _filtros
    from tests import bd_prueba

    filtros = _filtros.barra_lateral(_datos.opciones())
    st.button("clic", key="clic", on_click=_filtros.estrechar_varios,
              args=({"region": ["Tumbes", "No existe"], "tema": [bd_prueba.MIGRACION]},))
    st.text(filtros.descripcion())


def test_clic_en_un_grafico_estrecha_los_filtros_y_la_url(bd_conocida: Path, monkeypatch):
    monkeypatch.setenv("ARTICULA_DB", str(bd_conocida))
    at = AppTest.from_function(_app_estrechar, default_timeout=30).run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.text[-1].value == "Todos los eventos"
    at.button(key="clic").click().run()
    assert not at.exception
    assert at.sidebar.multiselect(key="f_region").value == ["Tumbes"]  # lo desconocido se ignora
    assert at.sidebar.multiselect(key="f_tema").value == [bd_prueba.MIGRACION]
    assert at.query_params["region"] == "Tumbes"
    assert "Tumbes" in at.text[-1].value


# Gráficos (por su clave) que dibuja cada pestaña, en el orden de `_pestanas`.
GRAFICOS_POR_PESTANA = {
    "paginas/regiones.py": [{"g_mapa_peru"}, {"g_mapa_mundo", "g_barras_pais"}],
    "paginas/temas.py": [{"g_temas_tiempo"}, {"g_temas_region"}],
    "paginas/coparticipacion.py": [{"g_matriz"}, {"g_red", "g_socios_de"}, set()],
    "paginas/organizaciones.py": [{"g_org_linea", "g_org_regiones"}, {"g_org_temas", "g_org_socios"}, set()],
}


@pytest.mark.parametrize("pagina", list(_pestanas.POR_PAGINA))
def test_cada_pestana_dibuja_solo_lo_suyo(bd_conocida: Path, monkeypatch, pagina):
    """Un clic corre y envía solo la pestaña abierta: las demás no cuestan nada hasta que se abren."""
    clave, nombres = _pestanas.POR_PAGINA[pagina]
    at = _abrir(bd_conocida, monkeypatch, pagina)
    assert tuple(t.label for t in at.tabs) == nombres
    assert {e.proto.id.rsplit("-", 1)[-1] for e in at.get("plotly_chart")} == GRAFICOS_POR_PESTANA[pagina][0]
    for pestana, esperados in zip(nombres, GRAFICOS_POR_PESTANA[pagina], strict=True):
        at.session_state[clave] = pestana
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        dibujados = {e.proto.id.rsplit("-", 1)[-1] for e in at.get("plotly_chart")}
        assert dibujados == esperados, pestana
        assert len(at.dataframe) >= 1, pestana  # cada pestaña trae al menos una tabla (sus datos o la lista)


def test_pares_frecuentes_muestra_los_eventos_del_par_elegido(bd_conocida: Path, monkeypatch):
    at = _abrir(bd_conocida, monkeypatch, "paginas/coparticipacion.py")
    at.session_state[_pestanas.COPARTICIPACION.clave] = "Pares frecuentes"
    at.session_state["cp_par"] = (bd_prueba.OIM, bd_prueba.ACNUR)  # lo que deja elegir una fila de la tabla
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    compartidos = _contar(bd_conocida, "SELECT count(*) FROM evento_organizacion a JOIN evento_organizacion b "
                          "USING (evento_id) JOIN organizaciones oa ON oa.organizacion_id = a.organizacion_id "
                          "JOIN organizaciones ob ON ob.organizacion_id = b.organizacion_id "
                          "WHERE oa.nombre = ? AND ob.nombre = ?", [bd_prueba.OIM, bd_prueba.ACNUR])
    assert compartidos >= 1
    assert formato.escapar_markdown(f"Eventos de {bd_prueba.OIM} con {bd_prueba.ACNUR}: {compartidos}") in _textos(at)


def test_temas_empieza_por_anio_cuando_por_mes_serian_demasiadas_barras(bd_conocida: Path, monkeypatch):
    from paginas._graficos import granularidad_inicial

    assert granularidad_inicial(2021, 2025) == "mes"  # 60 meses: todavía legibles
    assert granularidad_inicial(2020, 2025) == "anio"
    assert granularidad_inicial(None, 2025) == "mes"
    at = _abrir(bd_conocida, monkeypatch, "paginas/temas.py")
    assert at.segmented_control(key="tm_granularidad").value == "mes"  # la base de prueba abarca pocos años

    antiguo = dict(bd_prueba.EVENTOS[0], evento_id=999, fecha_evento=dt.date(2015, 3, 2),
                   fecha_publicacion=dt.date(2015, 3, 3), fecha=dt.date(2015, 3, 2), anio=2015, mes=dt.date(2015, 3, 1))
    larga = bd_prueba.construir_bd(bd_conocida.parent / "diez_anios.duckdb", [*bd_prueba.EVENTOS, antiguo])
    at = _abrir(larga, monkeypatch, "paginas/temas.py")
    assert at.segmented_control(key="tm_granularidad").value == "anio"  # desde 2015: más de 60 meses
    assert not at.exception


def test_mapa_de_calor_de_temas_escribe_cifras_solo_si_son_pocas_celdas(bd_conocida: Path, monkeypatch):
    """Con pocas celdas, cada una lleva su cifra; con muchas (a un millón, 375), solo el color y el texto al pasar el
    mouse: escribirlas costaba ~0,3 s por clic en el navegador."""
    import json

    from paginas import _graficos

    def mapa_de_calor(at: AppTest) -> dict:
        at.session_state[_pestanas.TEMAS.clave] = "Por departamento"
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        figura = json.loads(at.get("plotly_chart")[0].proto.spec)
        return next(t for t in figura["data"] if t["type"] == "heatmap")

    calor = mapa_de_calor(_abrir(bd_conocida, monkeypatch, "paginas/temas.py"))
    assert len(calor["x"]) * len(calor["y"]) <= _graficos.CELDAS_CON_CIFRA
    assert calor["texttemplate"] == "%{z:,.0f}"
    monkeypatch.setattr(_graficos, "CELDAS_CON_CIFRA", 1)
    calor = mapa_de_calor(_abrir(bd_conocida, monkeypatch, "paginas/temas.py"))
    assert "texttemplate" not in calor
    assert all("eventos" in celda for fila in calor["text"] for celda in fila)  # la cifra sigue al pasar el mouse


def test_volver_a_la_red_no_recalcula_su_disposicion(bd_conocida: Path, monkeypatch):
    """La disposición cuesta ~0,1 s: con los mismos filtros, volver a «Red y socios» la toma de la caché."""
    from paginas import _red

    llamadas = []
    original = _red.disposicion
    monkeypatch.setattr(_red, "disposicion", lambda *a, **k: llamadas.append(1) or original(*a, **k))
    st.cache_data.clear()  # otra prueba pudo dejar esta misma red en la caché
    at = _abrir(bd_conocida, monkeypatch, "paginas/coparticipacion.py")
    for pestana in ("Red y socios", "Matriz", "Red y socios"):
        at.session_state[_pestanas.COPARTICIPACION.clave] = pestana
        at.run()
        assert not at.exception, [e.message for e in at.exception]
    assert len(at.get("plotly_chart")) >= 1 and len(llamadas) == 1
