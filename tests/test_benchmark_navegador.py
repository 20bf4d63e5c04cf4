"""`python -m benchmarks.navegador`: cronometra clics de verdad sobre el tablero y los informa.

Se corre sobre la base del corpus incluido: lo que se prueba es que el cronómetro recorre las 8
páginas y el filtro, espera a que cada una termine (no devuelve tiempos imposibles) y lo dice en
su salida. Las cifras de rendimiento salen del benchmark, no de aquí.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from benchmarks import navegador

pytestmark = [
    pytest.mark.navegador,
    pytest.mark.skipif(not navegador.CHROMIUM.exists(), reason="No está /usr/bin/chromium (apt-get install chromium)"),
]
pytest.importorskip("playwright.sync_api", reason="Falta el paquete playwright")


def test_recorre_las_paginas_y_el_filtro_e_informa(bd_corpus: Path, tmp_path: Path, capsys) -> None:
    salida = tmp_path / "clics.json"
    assert navegador.main(["--db", str(bd_corpus), "--rondas", "1", "--json", str(salida)]) == 0
    r = json.loads(salida.read_text(encoding="utf-8"))

    esperado = []
    for pagina in navegador.PAGINAS[1:] + navegador.PAGINAS[:1]:  # cada página y luego cada una de sus pestañas
        esperado += [pagina] + [f"{pagina} › {pestana}" for pestana in navegador.PESTANAS.get(pagina, ())]
    assert list(r["rondas"][0]) == esperado
    assert "Regiones › Exterior" in esperado
    # Esperó a que cada página terminara: un clic no se resuelve en menos de 10 ms (ni en el límite de espera).
    for pagina, segundos in r["rondas"][0].items():
        assert 0.01 < segundos < 120, (pagina, segundos)
    with duckdb.connect(str(bd_corpus), read_only=True) as con:
        conteo = dict(con.execute("SELECT region, count(*) FROM eventos WHERE region IS NOT NULL GROUP BY 1")
                      .fetchall())
    assert conteo[r["filtro_region"]] == max(conteo.values())  # la región con más eventos
    assert 0.01 < r["filtro_region_s"] < 120
    assert r["peor_s"] == max([*r["rondas"][0].values(), r["filtro_region_s"]])

    impreso = capsys.readouterr().out
    assert "Coparticipación" in impreso and "filtro región" in impreso
    assert ("[PASA] peor clic" in impreso) or ("[FALLA] peor clic" in impreso)


def test_base_inexistente_da_mensaje_claro(tmp_path: Path, capsys) -> None:
    assert navegador.main(["--db", str(tmp_path / "no-existe.duckdb")]) == 1
    assert "No existe la base" in capsys.readouterr().err
    assert navegador.main(["--db", str(tmp_path / "no-existe.duckdb"), "--rondas", "0"]) == 1
    assert "--rondas debe ser 1 o más" in capsys.readouterr().err


_DOS_CUADROS = "new Promise((listo) => requestAnimationFrame(() => requestAnimationFrame(listo)))"


def _ultimo_cambio_tras(pag, accion: str) -> bool:
    """¿La acción (JS) movió el reloj del último cambio visible?"""
    antes = pag.evaluate("window.__articulaUltimoCambio")
    pag.evaluate(accion)
    pag.evaluate(_DOS_CUADROS)  # el canvas se revisa en cada cuadro: tras dos, seguro que ya se revisó
    return pag.evaluate("window.__articulaUltimoCambio") > antes


def test_el_cronometro_cuenta_lo_que_se_ve_y_no_lo_que_no() -> None:
    """Un cambio del DOM o un trazo nuevo en un canvas cuentan; el contenido de respaldo de un canvas (que la
    tabla de datos rehace después de dibujarse) y volver a dibujar lo mismo, no: alargarían cada clic."""
    pagina = ("<canvas id=c width=80 height=40><table><tr><td id=r>a</td></tr></table></canvas>"
              "<p id=p>texto</p>")
    with navegador.chromium() as nav:
        contexto = nav.new_context()
        contexto.add_init_script(navegador._OBSERVADOR)
        pag = contexto.new_page()
        pag.set_content(pagina)
        pag.evaluate("c.getContext('2d').fillRect(0, 0, 20, 20)")
        pag.evaluate(_DOS_CUADROS)

        assert _ultimo_cambio_tras(pag, "p.textContent = 'otro'")
        assert not _ultimo_cambio_tras(pag, "r.textContent = 'b'")  # respaldo del canvas: no se pinta
        assert not _ultimo_cambio_tras(pag, "c.getContext('2d').fillRect(0, 0, 20, 20)")  # los mismos píxeles
        assert _ultimo_cambio_tras(pag, "c.getContext('2d').fillRect(30, 0, 20, 20)")  # píxeles nuevos
        contexto.close()
