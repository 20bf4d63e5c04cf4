"""El tablero en un navegador de verdad: `streamlit run app.py` + Chromium sin cabeza (playwright).

Comprueba que ninguna página muestra una excepción, que nada se pide a internet (mapas, fuentes, CDN), que un
filtro puesto en la URL se refleja en la página y que el CSV del Explorador trae exactamente los eventos de la
base. Con ARTICULA_CAPTURAS=carpeta guarda además una captura de cada página (para el README).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import duckdb
import pytest

from paginas import _pestanas
from tests.servidor_streamlit import CHROMIUM, chromium, streamlit_en_marcha

RAIZ = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.navegador,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="No está /usr/bin/chromium (apt-get install chromium)"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="Falta el paquete playwright")

PAGINAS = {
    "": "Resumen",
    "linea-de-tiempo": "Línea de tiempo",
    "regiones": "Regiones",
    "coparticipacion": "Coparticipación",
    "temas": "Temas",
    "organizaciones": "Organizaciones",
    "explorador": "Explorador",
    "calidad": "Calidad de datos",
    "acerca": "Acerca de Articula",
}


@pytest.fixture(scope="module")
def servidor(bd_corpus: Path):
    with streamlit_en_marcha({"ARTICULA_DB": str(bd_corpus)}) as base:
        yield base


@pytest.fixture(scope="module")
def navegador():
    with chromium() as nav:
        yield nav


@pytest.fixture
def pagina(navegador, servidor):
    contexto = navegador.new_context(viewport={"width": 1400, "height": 1800}, accept_downloads=True)
    pag = contexto.new_page()
    externas: list[str] = []
    pag.on("request", lambda r: externas.append(r.url)
           if r.url.startswith(("http://", "https://")) and not r.url.startswith(servidor) else None)
    pag.externas = externas
    yield pag
    contexto.close()


def _esperar(pag, titulo: str) -> None:
    """Hasta que el título de la página está y Streamlit terminó de ejecutar el script."""
    pag.get_by_role("heading", name=titulo, level=1).first.wait_for(timeout=60_000)
    pag.wait_for_timeout(300)  # el indicador de ejecución aparece con un pequeño retraso
    pag.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    pag.wait_for_timeout(1000)  # plotly dibuja después de terminar el script


def _sin_excepciones(pag, donde: str) -> None:
    errores = pag.locator('[data-testid="stException"]')
    assert errores.count() == 0, f"excepción en {donde}: {errores.first.inner_text()[:1500]}"


def _texto(pag) -> str:
    return pag.locator('[data-testid="stMain"]').inner_text()


def test_todas_las_paginas_sin_excepciones_ni_recursos_de_internet(pagina, servidor):
    """Se entra por la dirección de la primera página y se recorre el resto con el menú lateral."""
    capturas = os.environ.get("ARTICULA_CAPTURAS")
    pagina.goto(servidor + "/")
    for ruta, titulo in PAGINAS.items():
        if ruta:
            pagina.locator(f'[data-testid="stSidebarNavLink"][href$="/{ruta}"]').click()
            pagina.wait_for_url(f"**/{ruta}*", timeout=30_000)
        _esperar(pagina, titulo)
        _sin_excepciones(pagina, f"/{ruta}")
        if capturas:
            Path(capturas).mkdir(parents=True, exist_ok=True)
            pagina.screenshot(path=str(Path(capturas) / f"{ruta or 'resumen'}.png"), full_page=True)
        pestanas = _pestanas.POR_PAGINA.get(f"paginas/{ruta}.py")
        for nombre in pestanas.nombres[1:] if pestanas else ():  # las otras pestañas solo corren al abrirlas
            pagina.get_by_role("tab", name=nombre, exact=True).click()
            _esperar(pagina, titulo)
            _sin_excepciones(pagina, f"/{ruta} › {nombre}")
            assert pagina.get_by_role("tab", name=nombre, exact=True).get_attribute("aria-selected") == "true"
    assert pagina.externas == [], f"el tablero pidió recursos de internet: {pagina.externas[:5]}"


def test_el_filtro_de_region_solo_ofrece_regiones(pagina, servidor, bd_corpus):
    """Sin la opción «Select all» que Streamlit agrega en inglés: cada opción es una región de la base."""
    with duckdb.connect(str(bd_corpus), read_only=True) as con:
        filas = con.execute("SELECT DISTINCT region FROM eventos WHERE region IS NOT NULL").fetchall()
    regiones = {r for (r,) in filas}
    pagina.goto(servidor + "/")
    _esperar(pagina, "Resumen")
    pagina.get_by_test_id("stMultiSelect").filter(has_text="Región").first.click()
    pagina.get_by_role("option").first.wait_for(timeout=10_000)
    ofrecidas = pagina.get_by_role("option").all_inner_texts()
    assert ofrecidas and set(ofrecidas) <= regiones, ofrecidas


def _anio_con_eventos(bd: Path) -> tuple[int, list[int]]:
    con = duckdb.connect(str(bd), read_only=True)
    try:
        anio = con.execute("SELECT anio FROM eventos WHERE anio IS NOT NULL GROUP BY anio "
                           "ORDER BY count(*) DESC, anio DESC LIMIT 1").fetchone()[0]
        ids = [r[0] for r in con.execute("SELECT evento_id FROM eventos WHERE anio = ? ORDER BY evento_id",
                                         [anio]).fetchall()]
    finally:
        con.close()
    return int(anio), ids


def test_filtro_en_la_url_y_csv_del_explorador(pagina, servidor, bd_corpus):
    anio, ids = _anio_con_eventos(bd_corpus)
    pagina.goto(f"{servidor}/explorador?anio_desde={anio}&anio_hasta={anio}")
    _esperar(pagina, "Explorador")
    principal = pagina.locator('[data-testid="stMain"]')
    playwright_api.expect(principal).to_contain_text(f"Año: {anio}", timeout=30_000)
    playwright_api.expect(principal).to_contain_text(f"{len(ids)} evento", timeout=30_000)
    # la barra lateral muestra el mismo rango de años
    manijas = pagina.locator('[data-testid="stSidebar"] [data-testid="stSliderThumbValue"]')
    assert manijas.all_inner_texts() == [str(anio)] * 2
    with pagina.expect_download(timeout=30_000) as descarga:
        pagina.get_by_role("button", name="Descargar CSV").click()
    archivo = descarga.value
    assert archivo.suggested_filename == f"eventos_{anio}.csv"
    contenido = Path(archivo.path()).read_bytes()
    assert contenido.startswith(b"\xef\xbb\xbf"), "el CSV debe llevar BOM para que Excel muestre las tildes"
    filas = list(csv.DictReader(io.StringIO(contenido.decode("utf-8-sig"))))
    assert sorted(int(f["evento_id"]) for f in filas) == ids
    _sin_excepciones(pagina, "/explorador")


def test_filtro_desconocido_en_la_url_muestra_aviso(pagina, servidor):
    pagina.goto(f"{servidor}/regiones?region=Atl%C3%A1ntida")
    _esperar(pagina, "Regiones")
    playwright_api.expect(pagina.locator('[data-testid="stMain"]')).to_contain_text("Atlántida", timeout=30_000)
    pagina.wait_for_timeout(500)
    assert "region=" not in pagina.url
