"""Texto hostil en un navegador de verdad (issue 5): Chromium sin cabeza contra `streamlit run app.py`.

La base trae las notas de `tests/notas_hostiles/` (con `<script>alert(1)</script>`, `<img onerror>`, ...).
Se escucha cualquier diálogo (`alert`) y se revisa el DOM: ni un <script> ni un <img onerror> venidos
de las notas, y el texto `<script>alert(1)</script>` se ve como texto en la ficha del evento. Las
descargas del Explorador (CSV y Excel) no traen fórmulas. Al final, varios contextos de navegador abren
páginas a la vez contra el mismo servidor (20 por defecto, como pide el issue; ARTICULA_NAVEGADORES lo cambia)
y todos ven
lo mismo que una consulta sola.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

import openpyxl
import pytest

from tests.servidor_streamlit import CHROMIUM, chromium, streamlit_en_marcha
from tests.test_texto_hostil import PELIGROSOS, SCRIPT, construir_bd_hostil

RAIZ = Path(__file__).resolve().parent.parent
PAGINAS = {"": "Resumen", "linea-de-tiempo": "Línea de tiempo", "regiones": "Regiones",
           "coparticipacion": "Coparticipación", "temas": "Temas", "organizaciones": "Organizaciones",
           "explorador": "Explorador", "calidad": "Calidad de datos", "acerca": "Acerca de Articula"}
# Solo las cuatro notas hostiles (todas del 3-12-2023 en Tumbes).
FILTRO_HOSTILES = "region=Tumbes&anio_desde=2023&anio_hasta=2023"

pytestmark = [
    pytest.mark.navegador,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="No está /usr/bin/chromium"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="Falta el paquete playwright")

# Lo que solo existiría si el texto de una nota se hubiera interpretado como HTML.
INYECTADO = """() => {
  const scripts = [...document.querySelectorAll('script')].filter(s => /alert\\(/.test(s.textContent));
  const imgs = [...document.querySelectorAll('img[onerror], img[src="x"]')];
  const marcos = [...document.querySelectorAll('iframe[src^="javascript"], a[href^="javascript"]')];
  const negritas = [...document.querySelectorAll('b[style]')];
  return scripts.length + imgs.length + marcos.length + negritas.length;
}"""


@pytest.fixture(scope="module")
def bd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return construir_bd_hostil(tmp_path_factory.mktemp("nav_hostil") / "articula.duckdb")


@pytest.fixture(scope="module")
def servidor(bd: Path):
    with streamlit_en_marcha({"ARTICULA_DB": str(bd)}) as base:
        yield base


@pytest.fixture(scope="module")
def navegador():
    with chromium() as nav:
        yield nav


@pytest.fixture
def pagina(navegador, servidor):  # noqa: ANN001, ANN201
    contexto = navegador.new_context(viewport={"width": 1400, "height": 1800}, accept_downloads=True)
    pag = contexto.new_page()
    pag.dialogos = []
    pag.on("dialog", lambda d: (pag.dialogos.append(d.message), d.dismiss()))
    yield pag
    contexto.close()


def _esperar(pag, titulo: str) -> None:  # noqa: ANN001
    pag.get_by_role("heading", name=titulo, level=1).first.wait_for(timeout=60_000)
    pag.wait_for_timeout(300)
    pag.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    pag.wait_for_timeout(500)


def _revisar(pag, donde: str) -> None:  # noqa: ANN001
    assert pag.dialogos == [], f"{donde}: se abrió un diálogo {pag.dialogos}"
    assert pag.evaluate(INYECTADO) == 0, f"{donde}: hay elementos HTML venidos de una nota"
    assert pag.locator('[data-testid="stException"]').count() == 0, donde


def test_ninguna_pagina_ejecuta_el_texto_de_las_notas(pagina, servidor) -> None:  # noqa: ANN001
    for ruta, titulo in PAGINAS.items():
        pagina.goto(f"{servidor}/{ruta}")
        _esperar(pagina, titulo)
        _revisar(pagina, f"/{ruta}")


def _elegir_primera_fila(pag) -> None:  # noqa: ANN001
    """Marca la casilla de la primera fila de la tabla del Explorador (la tabla se dibuja en un canvas)."""
    tabla = pag.locator('[data-testid="stDataFrame"]').first
    tabla.scroll_into_view_if_needed()
    caja = tabla.bounding_box()
    pag.mouse.click(caja["x"] + 18, caja["y"] + 35 + 17)


def test_ficha_del_evento_hostil_muestra_el_texto_literal(pagina, servidor) -> None:  # noqa: ANN001
    pagina.goto(f"{servidor}/explorador?{FILTRO_HOSTILES}")
    _esperar(pagina, "Explorador")
    principal = pagina.locator('[data-testid="stMain"]')
    playwright_api.expect(principal).to_contain_text("4 eventos", timeout=30_000)
    _elegir_primera_fila(pagina)
    playwright_api.expect(principal).to_contain_text("Texto de la nota", timeout=30_000)
    _esperar(pagina, "Explorador")
    texto = principal.inner_text()
    assert SCRIPT in texto  # título y párrafos: se leen tal cual
    assert "Párrafo final con <script>alert(1)</script> y **negrita** otra vez." in texto
    assert "<img src=x onerror=alert(1)>" in texto
    _revisar(pagina, "ficha del evento")


def _descargar(pag, boton: str) -> bytes:  # noqa: ANN001
    # Con la página quieta, como la ve quien hace clic (si se recargara, el clic podría caer en un botón viejo).
    pag.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    with pag.expect_download(timeout=60_000) as descarga:
        pag.get_by_role("button", name=boton).click()
    return Path(descarga.value.path()).read_bytes()


def test_descargas_del_explorador_sin_formulas(pagina, servidor) -> None:  # noqa: ANN001
    pagina.goto(f"{servidor}/explorador?{FILTRO_HOSTILES}")
    _esperar(pagina, "Explorador")
    filas = list(csv.DictReader(io.StringIO(_descargar(pagina, "Descargar CSV").decode("utf-8-sig"))))
    assert len(filas) == 4
    titulos = [f["titulo"] for f in filas]
    assert {t[1] for t in titulos} == {"=", "+", "-", "@"}  # los cuatro inicios, neutralizados con '
    assert all(t.startswith("'") for t in titulos)
    assert not [v for f in filas for v in f.values() if v and v.startswith(PELIGROSOS)]

    libro = openpyxl.load_workbook(io.BytesIO(_descargar(pagina, "Descargar Excel")))
    celdas = [c for fila in libro.active.iter_rows() for c in fila]
    assert all(c.data_type != "f" for c in celdas)
    textos = [c.value for c in celdas if isinstance(c.value, str)]
    assert not [t for t in textos if t.startswith(PELIGROSOS)]
    assert sorted(t for t in textos if t.startswith("'")) == sorted(titulos)
    _revisar(pagina, "descargas")


def test_varios_navegadores_a_la_vez(navegador, servidor, bd: Path) -> None:  # noqa: ANN001
    """Varios contextos (sesiones) abren páginas con filtros distintos a la vez: sin errores, cifras correctas.

    Por defecto 20 sesiones, el caso del issue (medido: ~2,7 min en 2 núcleos); ARTICULA_NAVEGADORES=N para
    una corrida más corta en desarrollo.
    """
    cuantos = int(os.environ.get("ARTICULA_NAVEGADORES", "20"))
    import duckdb

    with duckdb.connect(str(bd), read_only=True) as con:
        por_region = dict(con.execute("SELECT region, count(*) FROM eventos WHERE region IS NOT NULL"
                                      " GROUP BY region ORDER BY 2 DESC LIMIT 5").fetchall())
        total = con.execute("SELECT count(*) FROM eventos").fetchone()[0]
    destinos = [("explorador", f"region={r}", n) for r, n in por_region.items()] + [("explorador", "", total)]
    rutas = [r for r in PAGINAS if r != "explorador"]
    destinos = destinos[:cuantos]
    while len(destinos) < cuantos:
        destinos.append((rutas[len(destinos) % len(rutas)], "", None))
    contextos = [navegador.new_context(viewport={"width": 1200, "height": 1200}) for _ in destinos]
    try:
        paginas = [c.new_page() for c in contextos]
        for pag, (ruta, consulta, _) in zip(paginas, destinos, strict=True):
            pag.dialogos = []
            pag.on("dialog", lambda d, pag=pag: (pag.dialogos.append(d.message), d.dismiss()))
            pag.goto(f"{servidor}/{ruta}?{consulta}", wait_until="commit")  # sin esperar: todas a la vez
        for pag, (ruta, consulta, esperado) in zip(paginas, destinos, strict=True):
            _esperar(pag, PAGINAS[ruta])
            _revisar(pag, f"/{ruta}?{consulta}")
            if esperado is not None:
                texto = pag.locator('[data-testid="stMain"]').inner_text()
                cifra = re.search(r"([\d\s.,]+) eventos? ·", texto)
                assert cifra and int(re.sub(r"\D", "", cifra.group(1))) == esperado, (consulta, texto[:300])
    finally:
        for c in contextos:
            c.close()
