"""Texto hostil en las notas (issue 5): HTML, <script>, Markdown y marcado de Streamlit se ven como texto.

Las notas de `tests/notas_hostiles/` (txt, jsonl, csv y html) traen en título y cuerpo `<script>`,
`<img onerror>`, HTML crudo, Markdown, `:red[...]`, `:material/...:`, `$$x$$` y celdas que una
planilla ejecutaría (`=HYPERLINK`, `+1`, `-1`, `@SUM`). Se construye una base con la CLI real y se
recorre el tablero con `AppTest`: el texto de las notas solo puede llegar a elementos de texto plano
(st.text, st.code, tablas) o a Markdown con todo escapado; nunca a Markdown con HTML habilitado.
Las descargas (CSV y Excel) no dejan fórmulas ejecutables.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from paginas import _pestanas

RAIZ = Path(__file__).resolve().parent.parent
NOTAS_HOSTILES = Path(__file__).resolve().parent / "notas_hostiles"
CORPUS = RAIZ / "datos" / "notas"
APP = RAIZ / "app.py"

PAGINAS = (
    "paginas/resumen.py",
    "paginas/linea_de_tiempo.py",
    "paginas/regiones.py",
    "paginas/coparticipacion.py",
    "paginas/temas.py",
    "paginas/organizaciones.py",
    "paginas/explorador.py",
    "paginas/calidad.py",
    "paginas/acerca.py",
)

# Trozos de las notas hostiles tal como están en los archivos. Si uno aparece *sin escapar* en un
# elemento que Streamlit interpreta como Markdown, el navegador lo mostraría como marcado.
CRUDOS = (
    "<script>",
    "<img src=x",
    "<b style=",
    "<iframe",
    "**negrita**",
    "](javascript:",
    ":red[",
    ":material/warning:",
    "$$x$$",
    "# título",
)
SCRIPT = "<script>alert(1)</script>"
# Título de cada página: confirma que AppTest abrió la página pedida.
TITULOS = dict(zip(PAGINAS, ("Resumen", "Línea de tiempo", "Regiones", "Coparticipación", "Temas", "Organizaciones",
                             "Explorador", "Calidad de datos", "Acerca de Articula"), strict=True))


def construir_bd_hostil(destino: Path) -> Path:
    """Base con las notas hostiles y el corpus incluido, construida con `python -m datos construir --db`."""
    resultado = subprocess.run(
        [sys.executable, "-m", "datos", "construir", str(NOTAS_HOSTILES), str(CORPUS), "--db", str(destino),
         "--procesos", "1"],
        cwd=RAIZ, capture_output=True, text=True, timeout=300,
    )
    assert resultado.returncode == 0, resultado.stderr
    return destino


def notas_hostiles() -> list[dict[str, str]]:
    """Título y texto de cada variante tal como el analista los escribió (para comparar con lo mostrado)."""
    salida = []
    txt = (NOTAS_HOSTILES / "hostil.txt").read_text(encoding="utf-8")
    salida.append({"formato": "txt", "titulo": txt.split("\n", 1)[0], "texto": txt})
    fila = json.loads((NOTAS_HOSTILES / "hostil.jsonl").read_text(encoding="utf-8").splitlines()[0])
    salida.append({"formato": "jsonl", "titulo": fila["titulo"], "texto": fila["texto"]})
    with (NOTAS_HOSTILES / "hostil.csv").open(encoding="utf-8", newline="") as f:
        fila = next(csv.DictReader(f))
    salida.append({"formato": "csv", "titulo": fila["titulo"], "texto": fila["texto"]})
    pagina = (NOTAS_HOSTILES / "hostil.html").read_text(encoding="utf-8")
    titulo = html.unescape(re.search(r"<title>(.*?)</title>", pagina).group(1))
    salida.append({"formato": "html", "titulo": titulo, "texto": html.unescape(re.sub(r"<[^>]+>", "\n", pagina))})
    return salida


@pytest.fixture(scope="module")
def bd_hostil(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return construir_bd_hostil(tmp_path_factory.mktemp("hostil") / "articula.duckdb")


@pytest.fixture
def en_bd_hostil(bd_hostil: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARTICULA_DB", str(bd_hostil))
    return bd_hostil


# --- Recorrer lo que dibuja AppTest ----------------------------------------------------------------


def _nodos(nodo) -> Iterator:  # noqa: ANN001 - nodos del árbol de AppTest
    yield nodo
    for hijo in getattr(nodo, "children", {}).values():
        yield from _nodos(hijo)


def _cadenas(valor, ruta: str = "") -> Iterator[tuple[str, str]]:  # noqa: ANN001
    if isinstance(valor, dict):
        for clave, v in valor.items():
            yield from _cadenas(v, f"{ruta}.{clave}")
    elif isinstance(valor, list):
        for v in valor:
            yield from _cadenas(v, ruta)
    elif isinstance(valor, str):
        yield ruta, valor


def elementos(at) -> list:  # noqa: ANN001
    """Todos los elementos dibujados (cuerpo principal y barra lateral)."""
    return [n for n in _nodos(at._tree) if hasattr(getattr(n, "proto", None), "DESCRIPTOR")]


def textos_planos(at) -> list[str]:  # noqa: ANN001
    """Lo que se muestra sin interpretar: st.text, st.code y las celdas de las tablas."""
    salida: list[str] = []
    for e in elementos(at):
        nombre = type(e.proto).__name__
        if nombre == "Text":
            salida.append(e.proto.body)
        elif nombre == "Code":
            salida.append(e.proto.code_text)
        elif type(e).__name__ == "Dataframe":
            marco = e.value
            salida.extend(str(v) for v in marco.astype(str).to_numpy().ravel())
    return salida


def _sin_barra(texto: str, crudo: str) -> bool:
    r"""¿Aparece `crudo` sin una barra invertida delante? (`\<iframe` o `\# título` ya están escapados)."""
    inicio = texto.find(crudo)
    while inicio >= 0:
        if inicio == 0 or texto[inicio - 1] != "\\":
            return True
        inicio = texto.find(crudo, inicio + 1)
    return False


def sin_escapar(at) -> list[str]:  # noqa: ANN001
    """Trozos hostiles que llegaron crudos a algo que no es texto plano (Markdown, títulos, avisos, gráficos)."""
    from google.protobuf.json_format import MessageToDict

    problemas = []
    for e in elementos(at):
        nombre = type(e.proto).__name__
        if nombre in ("Text", "Code") or type(e).__name__ == "Dataframe":
            continue
        con_html = bool(getattr(e.proto, "allow_html", False)) or nombre == "Html"
        for ruta, texto in _cadenas(MessageToDict(e.proto)):
            if ruta.endswith(".url"):  # un href no se interpreta como marcado (los javascript: se prueban aparte)
                continue
            for crudo in CRUDOS:
                if _sin_barra(texto, crudo):
                    problemas.append(f"{nombre}{ruta}: {crudo!r} en {texto[:120]!r}")
            if con_html and "alert(" in texto:
                problemas.append(f"{nombre}{ruta} con HTML habilitado muestra texto de la nota: {texto[:120]!r}")
    return problemas


def desescapar(markdown: str) -> str:
    r"""Lo que se ve de un Markdown escapado: `\<script\>` se lee `<script>`."""
    return re.sub(r"\\(.)", r"\1", markdown)


def nuevo_apptest():
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(APP), default_timeout=120)


# --- Pruebas ---------------------------------------------------------------------------------------


def test_la_construccion_conserva_el_texto_hostil_literal(bd_hostil: Path) -> None:
    """Lo hostil es dato: se guarda tal cual (ni se ejecuta ni se pierde), incluida la variante CSV con comillas."""
    import duckdb

    with duckdb.connect(str(bd_hostil), read_only=True) as con:
        filas = con.execute(
            "SELECT n.formato, e.titulo, n.texto FROM notas n JOIN eventos e ON e.evento_id = n.nota_id"
            " WHERE n.archivo LIKE ?", ["%notas_hostiles%"]
        ).fetchall()
        rechazos = con.execute("SELECT archivo, motivo FROM rechazos WHERE archivo LIKE ?",
                               ["%notas_hostiles%"]).fetchall()
    assert rechazos == []
    por_formato = {formato: (titulo, texto) for formato, titulo, texto in filas}
    assert set(por_formato) == {"txt", "jsonl", "csv", "html"}
    for nota in notas_hostiles():
        titulo, texto = por_formato[nota["formato"]]
        assert titulo == nota["titulo"]
        assert '<b style="color:red">negrita cruda</b>' in texto
        assert "Párrafo final con <script>alert(1)</script>" in texto
    titulo_html, texto_html = por_formato["html"]
    assert SCRIPT in titulo_html  # el texto visible de la página (entidades &lt;...&gt;)
    assert "alert(2)" not in texto_html and "alert('cabecera')" not in texto_html  # los <script> reales se descartan


def test_ninguna_pagina_interpreta_el_texto_de_las_notas(en_bd_hostil: Path) -> None:
    at = nuevo_apptest()
    at.run()
    for pagina in PAGINAS:
        at.switch_page(pagina)
        at.run()
        assert not at.exception, (pagina, [e.value for e in at.exception])
        assert at.title[0].value == TITULOS[pagina]
        assert sin_escapar(at) == [], pagina
        pestanas = _pestanas.POR_PAGINA.get(pagina)
        for nombre in pestanas.nombres[1:] if pestanas else ():  # cada pestaña solo corre abierta
            at.session_state[pestanas.clave] = nombre
            at.run()
            assert not at.exception, (pagina, nombre, [e.value for e in at.exception])
            assert sin_escapar(at) == [], (pagina, nombre)
        if pagina.endswith(("resumen.py", "explorador.py")):
            planos = textos_planos(at)
            assert any(SCRIPT in t for t in planos), f"{pagina}: el título hostil no se ve como texto"


def test_ficha_de_cada_nota_hostil_muestra_el_texto_literal(en_bd_hostil: Path) -> None:
    """Elegir cada nota hostil en el Explorador: título y cuerpo se leen literalmente, nada se interpreta."""
    at = nuevo_apptest()
    at.switch_page("paginas/explorador.py")
    at.run()
    tabla = next(d for d in at.dataframe if d.key == "t_explorador").value
    hostiles = notas_hostiles()
    vistas = 0
    for posicion, titulo in enumerate(tabla["titulo"]):
        nota = next((n for n in hostiles if n["titulo"] == titulo), None)
        if nota is None:
            continue
        at.session_state["t_explorador"] = {"selection": {"rows": [posicion], "columns": [], "cells": []}}
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert sin_escapar(at) == [], nota["formato"]
        # El título, tal como se lee en pantalla, es el de la nota.
        assert desescapar(at.subheader[-1].value) == titulo
        planos = "\n".join(textos_planos(at))
        for parrafo in ("Párrafo final con <script>alert(1)</script> y **negrita** otra vez.",
                        '=HYPERLINK("http://ejemplo.invalid","clic") +1 -1 @SUM(A1:A2)'):
            assert parrafo in planos, (nota["formato"], parrafo)
        # La oración de evidencia (con su HTML y Markdown) se ve entera en la tabla de datos extraídos.
        assert '<img src=x onerror=alert(1)> <b style="color:red">negrita cruda</b>' in planos
        # Una url `javascript:` nunca se vuelve botón.
        assert all("javascript" not in b.proto.url for b in at.get("link_button"))
        vistas += 1
    assert vistas == len(hostiles)


def _celdas(xlsx: bytes) -> list:
    libro = openpyxl.load_workbook(io.BytesIO(xlsx))
    return [c for hoja in libro.worksheets for fila in hoja.iter_rows() for c in fila]


def _con_tab_y_cr(eventos: pd.DataFrame) -> pd.DataFrame:
    """La lectura recorta espacios al borde de los campos; tab y CR iniciales se prueban sobre la tabla real."""
    extra = eventos.head(2).copy()
    extra["titulo"] = ["\t=1+1", "\r=HYPERLINK(\"http://x\")"]
    return pd.concat([eventos, extra], ignore_index=True)


PELIGROSOS = ("=", "+", "-", "@", "\t", "\r")


def test_descargas_sin_formulas(en_bd_hostil: Path) -> None:
    """Lo mismo que bajan los botones del Explorador: ninguna celda de texto puede ejecutarse en una planilla."""
    from consultas import exportar
    from consultas.eventos import lista_eventos
    from consultas.filtros import Filtros

    eventos = _con_tab_y_cr(lista_eventos(Filtros()))
    inicios = {t[0] for t in eventos["titulo"].dropna() if t and t[0] in PELIGROSOS}
    assert inicios == set(PELIGROSOS)  # la tabla trae de verdad cada inicio peligroso

    celdas = _celdas(exportar.a_excel(eventos))
    # El XML de la hoja normaliza CR a LF al leer: se compara con esa normalización.
    textos = [c.value.replace("\n", "\r") if c.value.startswith("'\n") else c.value
              for c in celdas if isinstance(c.value, str)]
    assert all(c.data_type != "f" for c in celdas)
    assert not [t for t in textos if t.startswith(PELIGROSOS)]
    for titulo in eventos["titulo"].dropna():
        if titulo.startswith(PELIGROSOS):
            assert "'" + titulo in textos
    assert any(SCRIPT in t for t in textos)  # el resto del texto queda intacto

    texto_csv = exportar.a_csv(eventos).decode("utf-8-sig")
    filas = list(csv.reader(io.StringIO(texto_csv, newline="")))
    columna = filas[0].index("titulo")
    titulos = [f[columna] for f in filas[1:]]
    assert not [t for t in titulos if t.startswith(PELIGROSOS)]
    for titulo in eventos["titulo"].dropna():
        if titulo.startswith(PELIGROSOS):
            assert "'" + titulo in titulos
    assert not [celda for fila in filas[1:] for celda in fila if celda.startswith(PELIGROSOS)]


def test_el_detector_reconoce_markdown_sin_escapar(en_bd_hostil: Path) -> None:
    """La prueba misma sirve: una página que mostrara el título con st.markdown sería detectada."""
    from streamlit.testing.v1 import AppTest

    def pagina_mala() -> None:
        import streamlit as st

        from consultas.eventos import lista_eventos
        from consultas.filtros import Filtros

        titulo = next(t for t in lista_eventos(Filtros())["titulo"] if "<script>" in t)
        st.markdown(titulo, unsafe_allow_html=True)

    at = AppTest.from_function(pagina_mala, default_timeout=60)
    at.run()
    assert not at.exception
    problemas = sin_escapar(at)
    assert any("HTML habilitado" in p for p in problemas)
    assert any("'<script>'" in p for p in problemas)
