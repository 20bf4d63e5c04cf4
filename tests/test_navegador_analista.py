"""Flujo del analista en un navegador de verdad (streamlit run + Chromium sin cabeza).

Un solo servidor para todo el módulo, con su propia base (copia del corpus), su propia copia de los
catálogos y la clave de administración configurada. Las pruebas siguen el orden de un analista: sin clave no
hay páginas de administración; con clave sube un ZIP y ve crecer las cifras; funde dos organizaciones en
Curaduría y lo ve en Coparticipación; descarga el informe y lo abre sin red.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.servidor_streamlit import CHROMIUM, chromium, streamlit_en_marcha

RAIZ = Path(__file__).resolve().parent.parent
NOTAS = Path(__file__).resolve().parent / "datos_analista"
CLAVE = "clave-de-prueba-123"
INEP = "Instituto Nacional de Estadísticas del Perú"
INEI = "Instituto Nacional de Estadística e Informática"

pytestmark = [
    pytest.mark.navegador,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="No está /usr/bin/chromium (apt-get install chromium)"),
]
playwright_api = pytest.importorskip("playwright.sync_api", reason="Falta el paquete playwright")


@pytest.fixture(scope="module")
def entorno(bd_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    carpeta = tmp_path_factory.mktemp("analista")
    shutil.copyfile(bd_corpus, carpeta / "articula.duckdb")
    shutil.copytree(RAIZ / "datos" / "catalogos", carpeta / "catalogos")
    return {"bd": carpeta / "articula.duckdb", "catalogos": carpeta / "catalogos", "carpeta": carpeta}


@pytest.fixture(scope="module")
def servidor(entorno):
    variables = {"ARTICULA_DB": str(entorno["bd"]), "ARTICULA_CATALOGOS": str(entorno["catalogos"]),
                 "ARTICULA_CLAVE_ADMIN": CLAVE, "ARTICULA_SUBIDAS": str(entorno["carpeta"] / "subidas")}
    with streamlit_en_marcha(variables) as base:
        yield base


@pytest.fixture(scope="module")
def navegador():
    with chromium() as nav:
        yield nav


@pytest.fixture
def pagina(navegador, servidor):
    contexto = navegador.new_context(viewport={"width": 1400, "height": 1600}, accept_downloads=True)
    pag = contexto.new_page()
    yield pag
    contexto.close()


def _quieta(pag) -> None:
    """Espera a que Streamlit termine de ejecutar el script (y a que plotly dibuje)."""
    pag.wait_for_timeout(300)
    pag.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
    pag.wait_for_timeout(700)


def _titulo(pag, titulo: str) -> None:
    pag.get_by_role("heading", name=titulo, level=1).first.wait_for(timeout=60_000)
    _quieta(pag)


def _cifras(pag, minimo: int) -> dict[str, str]:
    pag.wait_for_function(f"() => document.querySelectorAll('[data-testid=\"stMetricValue\"]').length >= {minimo}",
                          timeout=60_000)
    return pag.evaluate("""() => Object.fromEntries([...document.querySelectorAll('[data-testid="stMetric"]')]
        .map(m => [m.querySelector('[data-testid="stMetricLabel"]').innerText.trim(),
                   m.querySelector('[data-testid="stMetricValue"]').innerText.trim()]))""")


def _ingresar(pag) -> None:
    pag.get_by_text("Administración").first.click()
    pag.get_by_label("Clave de administración").fill(CLAVE)
    pag.get_by_role("button", name="Ingresar").click()
    pag.get_by_role("link", name="Curaduría").wait_for(timeout=30_000)
    _quieta(pag)


def _ir(pag, enlace: str, titulo: str) -> None:
    """Cambia de página con la navegación lateral (la misma sesión: la clave sigue ingresada)."""
    pag.get_by_role("link", name=enlace).first.click()
    _titulo(pag, titulo)


def _esperar_etiquetas(pag, presentes: list[str], ausentes: list[str]) -> None:
    """Hasta que los textos de los ejes de los gráficos (siglas o nombres) incluyen unos y excluyen otros."""
    pag.wait_for_function(
        """([presentes, ausentes]) => {
            const t = [...document.querySelectorAll('.js-plotly-plot .xtick text, .js-plotly-plot .ytick text')]
                .map(e => e.textContent).join(' | ');
            return presentes.every(p => t.includes(p)) && ausentes.every(a => !t.includes(a));
        }""",
        arg=[presentes, ausentes], timeout=60_000)


def _eventos_de(bd: Path, organizacion: str) -> int:
    import duckdb

    con = duckdb.connect(str(bd), read_only=True)
    try:
        return con.execute(
            "SELECT count(*) FROM evento_organizacion JOIN organizaciones USING (organizacion_id)"
            " JOIN eventos USING (evento_id) WHERE nombre = ? AND region = 'Tacna'", [organizacion]).fetchone()[0]
    finally:
        con.close()


def test_sin_clave_no_hay_paginas_de_administracion_ni_por_url(pagina, servidor):
    for ruta in ("cargar", "curaduria"):
        pagina.goto(f"{servidor}/{ruta}")
        _titulo(pagina, "Resumen")  # la ruta no existe en esta sesión: se muestra la página por defecto
        assert pagina.get_by_role("heading", name=re.compile("Cargar notas|Curaduría")).count() == 0
        assert pagina.get_by_role("link", name="Cargar notas").count() == 0
        assert pagina.get_by_role("link", name="Curaduría").count() == 0
        if pagina.get_by_role("dialog").count():  # aviso de Streamlit "página no encontrada"
            pagina.keyboard.press("Escape")
            pagina.get_by_role("dialog").wait_for(state="detached", timeout=10_000)
    pagina.get_by_text("Administración").first.click()
    pagina.get_by_label("Clave de administración").fill("otra-clave")
    pagina.get_by_role("button", name="Ingresar").click()
    pagina.get_by_text("Clave incorrecta.").wait_for(timeout=30_000)
    assert pagina.get_by_role("link", name="Cargar notas").count() == 0


def test_subir_un_zip_y_ver_cambiar_las_cifras(pagina, servidor, entorno, tmp_path):
    comprimido = tmp_path / "notas_tacna.zip"
    with zipfile.ZipFile(comprimido, "w", zipfile.ZIP_DEFLATED) as zf:
        for nota in sorted(NOTAS.glob("*.txt")):
            zf.write(nota, f"tacna/{nota.name}")
        zf.write(sorted(NOTAS.glob("*.txt"))[0], "tacna/copia_repetida.txt")  # mismo contenido: duplicada
        zf.writestr("../fuera.txt", "intento de escribir fuera de la carpeta")
    pagina.goto(servidor)
    _titulo(pagina, "Resumen")
    cifras = _cifras(pagina, 5)
    antes = int(cifras["Eventos"].replace(",", ""))
    _ingresar(pagina)
    _ir(pagina, "Cargar notas", "Cargar notas")
    pagina.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(comprimido))
    pagina.get_by_text("notas_tacna.zip").wait_for(timeout=30_000)
    pagina.get_by_role("button", name="Cargar a la base").click()
    pagina.get_by_text("Resultado de la última carga").wait_for(timeout=120_000)
    _quieta(pagina)
    cifras = _cifras(pagina, 4)
    assert cifras["Notas nuevas"] == "3"
    assert cifras["Duplicadas"] == "1"
    assert cifras["Rechazadas"] == "1"  # la ruta con '..'
    assert not (entorno["carpeta"] / "fuera.txt").exists()
    assert not (entorno["carpeta"] / "subidas" / "fuera.txt").exists()
    _ir(pagina, "Resumen", "Resumen")
    assert int(_cifras(pagina, 5)["Eventos"].replace(",", "")) == antes + 3


def test_alias_en_curaduria_funde_las_organizaciones_en_coparticipacion(pagina, servidor, entorno):
    pagina.goto(f"{servidor}/coparticipacion?region=Tacna")
    _titulo(pagina, "Coparticipación")
    _esperar_etiquetas(pagina, ["INEP", "INEI"], [])
    assert (_eventos_de(entorno["bd"], INEP), _eventos_de(entorno["bd"], INEI)) == (2, 1)
    _ingresar(pagina)
    _ir(pagina, "Curaduría", "Curaduría del catálogo")
    pagina.get_by_test_id("stSelectbox").filter(has_text="Organización a revisar").click()
    pagina.get_by_role("option", name=INEP).click()
    _quieta(pagina)
    pagina.get_by_text("Agregar como alias de una organización del catálogo").click()
    _quieta(pagina)
    destino = pagina.get_by_test_id("stSelectbox").filter(has_text="Es la misma organización que")
    destino.click()
    pagina.keyboard.type("Estadística e Inform")
    pagina.get_by_role("option", name=INEI).click()
    _quieta(pagina)
    pagina.get_by_role("button", name="Aplicar decisión").click()
    hecho = re.compile(r"Cambio n\.º \d+: «Instituto Nacional de Estadísticas del Perú» como alias")
    pagina.get_by_text(hecho).wait_for(timeout=60_000)
    _ir(pagina, "Coparticipación", "Coparticipación")
    _esperar_etiquetas(pagina, ["INEI"], ["INEP", "Estadísticas"])  # una sola organización en los gráficos
    assert (_eventos_de(entorno["bd"], INEP), _eventos_de(entorno["bd"], INEI)) == (0, 3)


def test_descargar_el_informe_y_abrirlo_sin_red(pagina, servidor, navegador, tmp_path, entorno):
    pagina.goto(servidor)
    _titulo(pagina, "Resumen")
    with pagina.expect_download(timeout=120_000) as descarga:
        pagina.get_by_role("button", name="Descargar informe", exact=True).click()
    archivo = tmp_path / "informe.html"
    descarga.value.save_as(archivo)
    assert descarga.value.suggested_filename.endswith(".html")

    sin_red = navegador.new_context()
    bloqueadas: list[str] = []

    def bloquear(ruta):
        if ruta.request.url.startswith(("http://", "https://")):
            bloqueadas.append(ruta.request.url)
            ruta.abort()
        else:
            ruta.continue_()

    sin_red.route("**/*", bloquear)
    offline = sin_red.new_page()
    errores: list[str] = []
    offline.on("pageerror", lambda e: errores.append(str(e)))
    offline.goto(archivo.as_uri())
    offline.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 6",
                              timeout=30_000)
    assert offline.locator(".js-plotly-plot .bars path").count() > 0  # las barras se dibujaron
    texto = offline.locator("main").inner_text()
    assert "Cifras clave" in texto and "Eventos y sus fuentes" in texto and "Novedades" in texto
    import duckdb

    con = duckdb.connect(str(entorno["bd"]), read_only=True)
    total = con.execute("SELECT count(*) FROM eventos").fetchone()[0]
    con.close()
    assert offline.locator("#eventos tbody tr").count() == total  # todos los eventos, con su fuente
    assert offline.locator("#eventos a[href^='https://']").count() > 0
    assert errores == [] and bloqueadas == []
    sin_red.close()
