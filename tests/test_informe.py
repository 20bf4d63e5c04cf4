"""Informe HTML autocontenido: cifras, gráficos con plotly.js incluido, eventos con fuentes, texto escapado."""

from __future__ import annotations

import importlib
import re

import pandas as pd
import pytest

from consultas import conexion
from consultas.filtros import Filtros
from datos.informe import DatosInforme, a_pdf, construir_html, hay_chromium, recopilar


def _consultar(nombre, filtros=None, *args, **kw):
    modulo, funcion = nombre.rsplit(".", 1)
    fn = getattr(importlib.import_module(f"consultas.{modulo}"), funcion)
    return fn(*args, **kw) if filtros is None else fn(filtros, *args, **kw)


@pytest.fixture
def bd(bd_corpus, monkeypatch):
    monkeypatch.setenv("ARTICULA_DB", str(bd_corpus))
    conexion.olvidar_conexion()
    yield bd_corpus
    conexion.olvidar_conexion()


def test_informe_del_corpus_es_autocontenido_y_completo(bd):
    filtros = Filtros()
    datos = recopilar(filtros, _consultar)
    html = construir_html(datos)
    # plotly.js va dentro una sola vez y ningún recurso se pide a internet.
    assert html.count("plotly.js v") >= 1  # el paquete completo, incluido en el archivo
    assert not re.search(r"<script[^>]+src=", html) and not re.search(r"<link[^>]+href=", html)
    assert html.count('class="plotly-graph-div"') == 4  # por mes, regiones, socios, temas
    cifras = _consultar("resumen.cifras", filtros).iloc[0]
    assert f"<b>{int(cifras['eventos']):,}</b><span>Eventos</span>" in html
    eventos = _consultar("eventos.lista_eventos", filtros)
    for titulo, url in eventos[["titulo", "url"]].head(5).itertuples(index=False):
        assert titulo.replace("&", "&amp;").replace('"', "&quot;").replace("'", "&#x27;") in html
        if isinstance(url, str) and url.startswith("https://"):
            assert f'href="{url}"' in html
    assert "Novedades" in html and "Socios principales" in html and "Filtros:</b> Todos los eventos" in html


def test_filtros_sin_resultados_dan_un_informe_que_lo_dice(bd):
    html = construir_html(recopilar(Filtros(region=("Ucayali",)), _consultar))
    assert "No hay datos para los filtros elegidos." in html
    assert 'class="plotly-graph-div"' not in html


def test_texto_de_las_notas_se_escapa_y_los_enlaces_raros_no_son_enlaces():
    hostil = "<script>alert(1)</script> & <b>negrita</b>"
    eventos = pd.DataFrame([
        {"fecha": "2024-01-02", "titulo": hostil, "oficina": "<i>o</i>", "region": "Tumbes",
         "organizaciones": "A <img src=x onerror=alert(1)>", "url": "javascript:alert(1)", "archivo": "n.txt"},
    ])
    html = construir_html(DatosInforme(descripcion="<b>filtro</b>", eventos=eventos, total_eventos=3))
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html and "<b>filtro</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;negrita&lt;/b&gt;" in html
    assert "javascript:" not in html
    assert "Se listan los 1 más recientes de 3 eventos." in html


@pytest.mark.skipif(not hay_chromium(), reason="sin Chromium no hay PDF")
def test_pdf_con_chromium():
    pdf = a_pdf(construir_html(DatosInforme(descripcion="Todos los eventos")))
    assert pdf is not None and pdf.startswith(b"%PDF")
