"""Entrada mala (issue 5): cada caso se carga bien o queda en `rechazos` con un motivo en español,
el resto del lote sigue y nada de lo ya guardado se pierde."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from datos.almacen.construir import construir
from tests.conftest import RAIZ
from tests.test_construir import nota_gobpe

CUERPO = (
    "La Oficina Desconcentrada de Tumbes participó en la reunión de la Mesa Técnica para Refugiados y "
    "Migrantes de la región, junto con la Organización Internacional para las Migraciones (OIM) y "
    "la Defensoría del Pueblo. Se acordó coordinar una campaña de información sobre regularización migratoria."
)


def _nota(n: str, fecha: str = "5 de marzo de 2024 - 11:20 a. m.", cuerpo: str = CUERPO) -> str:
    titulo = f"Cancillería Tumbes coordina acciones con socios locales – caso {n}"
    return nota_gobpe(titulo, f"{cuerpo} Caso {n}.", fecha)


def _preparar(carpeta: Path) -> None:
    """Escribe un archivo por caso de la matriz del issue 5."""
    carpeta.mkdir()
    (carpeta / "vacio.txt").write_bytes(b"")
    (carpeta / "espacios.txt").write_text(" \n\t\n   \r\n", encoding="utf-8")
    (carpeta / "binario.txt").write_bytes(bytes(range(256)) * 64)
    (carpeta / "latin1.txt").write_bytes((_nota("latin") + " “Perú” — región Tumbes.").encode("cp1252"))
    (carpeta / "bom.txt").write_bytes(b"\xef\xbb\xbf" + _nota("bom").encode("utf-8"))
    (carpeta / "utf16.txt").write_bytes(_nota("utf16").encode("utf-16"))
    (carpeta / "pagina.html").write_text(
        "<!doctype html><html><head><title>Cancillería Tumbes coordina acciones</title>"
        "<style>body { color: red } .oculto { display: none }</style>"
        "<script>alert('hola'); document.write('inyectado')</script></head><body>"
        f"<h1>Cancillería Tumbes coordina acciones con socios locales</h1><p>5 de marzo de 2024</p><p>{CUERPO}</p>"
        "<script type='text/javascript'>var rastreo = 1;</script></body></html>",
        encoding="utf-8",
    )
    with (carpeta / "grande.txt").open("wb") as f:
        bloque = (_nota("grande") * 400).encode("utf-8")
        f.truncate(50 * 1024 * 1024)  # 50 MB: cabecera real, el resto se llena con texto
        f.seek(0)
        f.write(bloque)
        f.seek(50 * 1024 * 1024 - len(bloque))
        f.write(bloque)
    sin_fecha = "Cancillería Tumbes coordina acciones sin fecha\n\nNota Informativa\n\n\n" + CUERPO + " Sin fecha.\n"
    (carpeta / "sin_fecha.txt").write_text(sin_fecha, encoding="utf-8")
    (carpeta / "futuro.txt").write_text(_nota("futuro", "15 de marzo de 2099 - 10:00 a. m."), encoding="utf-8")
    (carpeta / "febrero.txt").write_text(_nota("febrero", "31 de febrero de 2024 - 10:00 a. m."), encoding="utf-8")
    (carpeta / "export_sin_texto.csv").write_text(
        "titulo,fecha,url\nNota sin cuerpo,2024-03-05,https://www.gob.pe/a\n", encoding="utf-8"
    )
    (carpeta / "export_sin_url.csv").write_text(
        f'titulo,fecha,texto\nCancillería en CSV,2024-03-05,"{CUERPO} Caso csv."\n', encoding="utf-8"
    )
    (carpeta / "roto.jsonl").write_text(
        '{"titulo": "Primera", "fecha": "2024-03-05", "texto": "' + CUERPO + ' Caso j1.", "url": "https://x/1"}\n'
        '{"titulo": "Rota", "fecha": "2024-03-05", "texto": "sin cerrar\n'
        '{"titulo": "Tercera", "fecha": "2024-03-06", "texto": "' + CUERPO + ' Caso j3.", "url": "https://x/3"}\n',
        encoding="utf-8",
    )
    (carpeta / "ilegible.txt").symlink_to(carpeta / "no_existe_destino.txt")  # entrada que no se puede leer
    bucle = carpeta / "bucle"
    bucle.mkdir()
    (bucle / "dentro.txt").write_text(_nota("bucle"), encoding="utf-8")
    (bucle / "otra_vez").symlink_to(bucle, target_is_directory=True)


def _filas(ruta: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


_TODO = "SELECT * EXCLUDE (cargada_en) FROM notas JOIN eventos ON nota_id = evento_id ORDER BY 1"


@pytest.fixture(scope="module")
def resultado(bd_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("robustez")
    bd = base / "bd.duckdb"
    shutil.copyfile(bd_corpus, bd)
    antes = _filas(bd, _TODO)
    carpeta = base / "entrada"
    _preparar(carpeta)
    resumen = construir([carpeta], bd, procesos=1, progreso=False)
    return {
        "resumen": resumen,
        "antes": antes,
        "bd": bd,
        "despues": _filas(bd, _TODO),
        "notas": {
            Path(a.split("#")[0]).name + ("#" + a.split("#")[1] if "#" in a else ""): (t, x, f, fp)
            for a, t, x, f, fp in _filas(
                bd,
                "SELECT n.archivo, n.titulo, n.texto, e.fecha, e.fecha_publicacion "
                "FROM notas n JOIN eventos e ON e.evento_id = n.nota_id",
            )
        },
        "rechazos": [
            (Path(a.split("#")[0]).name, a, m, d) for a, m, d in _filas(bd, "SELECT * EXCLUDE momento FROM rechazos")
        ],
    }


_NO_ESPANOL = re.compile(r"Traceback|Errno|\w+(Error|Exception)\b|\b(file|cannot|invalid|denied|not found)\b", re.I)


def _rechazo(resultado: dict, nombre: str) -> tuple:
    hallados = [r for r in resultado["rechazos"] if r[0] == nombre]
    assert hallados, f"{nombre} no está en rechazos: {resultado['rechazos']}"
    motivo = hallados[0][2]
    assert motivo.strip() and not _NO_ESPANOL.search(motivo), f"motivo poco claro para un analista: {motivo!r}"
    return hallados[0]


@pytest.mark.parametrize("nombre", ["vacio.txt", "espacios.txt", "binario.txt", "grande.txt", "ilegible.txt",
                                    "export_sin_texto.csv"])  # fmt: skip
def test_entradas_inservibles_quedan_en_rechazos_con_motivo(resultado: dict, nombre: str) -> None:
    _rechazo(resultado, nombre)
    assert not any(k.startswith(nombre) for k in resultado["notas"])


def test_csv_sin_columna_texto_dice_cual_falta(resultado: dict) -> None:
    assert "texto" in _rechazo(resultado, "export_sin_texto.csv")[2]


@pytest.mark.parametrize("nombre, codificacion", [("latin1.txt", "cp1252"), ("bom.txt", "utf-8-sig"),
                                                  ("utf16.txt", "utf-16")])  # fmt: skip
def test_codificaciones_se_leen_con_acentos_intactos(resultado: dict, nombre: str, codificacion: str) -> None:
    titulo, texto, _, _ = resultado["notas"][nombre]
    assert titulo.startswith("Cancillería Tumbes coordina acciones")
    assert "Organización Internacional para las Migraciones" in texto and "región" in texto
    assert "\ufeff" not in texto and "\ufeff" not in titulo and "Ã" not in texto
    if nombre == "latin1.txt":
        assert "“Perú” — región" in texto  # caracteres propios de Windows-1252


def test_html_sin_scripts_ni_estilos(resultado: dict) -> None:
    titulo, texto, _, _ = resultado["notas"]["pagina.html"]
    assert "Organización Internacional para las Migraciones" in texto
    for basura in ("alert", "document.write", "inyectado", "color: red", "display", "rastreo", "<p>"):
        assert basura not in texto and basura not in (titulo or "")


def test_nota_sin_fecha_se_carga_sin_fecha(resultado: dict) -> None:
    _, _, fecha, _ = resultado["notas"]["sin_fecha.txt"]
    assert fecha is None


def test_fecha_imposible_no_se_inventa(resultado: dict) -> None:
    _, _, _, fecha_publicacion = resultado["notas"]["febrero.txt"]
    assert fecha_publicacion is None  # "31 de febrero" no existe: ni se rechaza la nota ni se corrige la fecha
    assert str(resultado["notas"]["bom.txt"][3]) == "2024-03-05"  # la misma cabecera con fecha válida sí se lee


def test_fecha_futura_se_carga(resultado: dict) -> None:
    assert "futuro.txt" in resultado["notas"]


def test_csv_sin_columna_opcional_se_carga(resultado: dict) -> None:
    assert any(k.startswith("export_sin_url.csv#") for k in resultado["notas"])


def test_jsonl_con_una_linea_rota_carga_las_demas(resultado: dict) -> None:
    cargadas = sorted(k for k in resultado["notas"] if k.startswith("roto.jsonl#"))
    assert len(cargadas) == 2
    rotas = [r for r in resultado["rechazos"] if r[0] == "roto.jsonl"]
    assert len(rotas) == 1 and "2" in rotas[0][1].split("#")[1]
    _rechazo(resultado, "roto.jsonl")


def test_carpeta_en_bucle_no_repite_ni_cuelga(resultado: dict) -> None:
    assert "dentro.txt" in resultado["notas"]
    assert resultado["resumen"].duplicadas == 0  # la nota del bucle se leyó una sola vez


def test_nada_de_lo_guardado_se_pierde(resultado: dict) -> None:
    antes, despues = resultado["antes"], resultado["despues"]
    assert despues[: len(antes)] == antes
    assert len(despues) == len(antes) + resultado["resumen"].nuevas
    assert resultado["resumen"].confirmada


def test_rechazos_del_resumen_coinciden_con_la_tabla(resultado: dict) -> None:
    resumen = resultado["resumen"]
    assert resumen.rechazadas == len(resultado["rechazos"]) == sum(resumen.motivos.values())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="el sistema no tiene FIFOs")
def test_archivo_especial_que_nunca_termina_no_cuelga_la_construccion(tmp_path: Path) -> None:
    """Una tubería con nombre (FIFO) bloquearía cualquier lectura: debe rechazarse, no colgar la corrida."""
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "buena.txt").write_text(_nota("fifo"), encoding="utf-8")
    os.mkfifo(carpeta / "tuberia.txt")
    bd = tmp_path / "bd.duckdb"
    try:
        r = subprocess.run(
            [sys.executable, "-m", "datos", "construir", str(carpeta), "--db", str(bd)],
            cwd=RAIZ, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.fail("la construcción se colgó leyendo una FIFO")
    assert r.returncode == 0, r.stderr
    assert _filas(bd, "SELECT count(*) FROM eventos") == [(1,)]
    [(archivo,)] = _filas(bd, "SELECT archivo FROM rechazos")
    assert archivo.endswith("tuberia.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="como root chmod 000 no impide leer (se cubre con el enlace roto)")
def test_archivo_sin_permiso_de_lectura(tmp_path: Path) -> None:
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    secreto = carpeta / "secreto.txt"
    secreto.write_text(_nota("permiso"), encoding="utf-8")
    secreto.chmod(0)
    bd = tmp_path / "bd.duckdb"
    try:
        resumen = construir([carpeta], bd, procesos=1, progreso=False)
    finally:
        secreto.chmod(0o644)
    assert resumen.rechazadas == 1 and "permiso" in next(iter(resumen.motivos))
