"""Lectura de archivos y carpetas: cada entrada mala es un rechazo claro y el lote sigue."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from datos.extraccion.lectura import leer
from datos.extraccion.modelos import NotaCruda, Rechazo
from tests.conftest import NOTAS, archivos_corpus

NOTA = "Cancillería Tumbes lidera reunión\n\n10 de diciembre de 2025 - 1:36 p. m.\n\nAcción de integración en Tumbes."


def _uno(ruta: Path) -> NotaCruda | Rechazo:
    resultados = list(leer([ruta]))
    assert len(resultados) == 1, resultados
    return resultados[0]


@pytest.mark.parametrize(
    ("codificacion", "prefijo"),
    [("utf-8", b""), ("utf-8-sig", b""), ("utf-16", b""), ("cp1252", b""), ("latin-1", b""), ("utf-16-le", b"")],
)
def test_codificaciones_con_tildes_intactas(tmp_path: Path, codificacion: str, prefijo: bytes) -> None:
    ruta = tmp_path / "nota.txt"
    ruta.write_bytes(prefijo + NOTA.encode(codificacion))
    nota = _uno(ruta)
    assert isinstance(nota, NotaCruda)
    assert nota.texto.strip() == NOTA
    assert "\ufeff" not in nota.texto


@pytest.mark.parametrize(
    ("contenido", "motivo"),
    [
        (b"", "vacío"),
        (b"   \n\t\r\n  ", "espacios en blanco"),
        (bytes(range(256)) * 20, "binario"),
        (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
    ],
)
def test_rechazos_de_contenido(tmp_path: Path, contenido: bytes, motivo: str) -> None:
    ruta = tmp_path / "malo.txt"
    ruta.write_bytes(contenido)
    rechazo = _uno(ruta)
    assert isinstance(rechazo, Rechazo)
    assert motivo in rechazo.motivo
    assert rechazo.archivo == str(ruta)


def test_archivo_grande_se_rechaza_sin_leerlo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = tmp_path / "grande.txt"
    with ruta.open("wb") as f:  # archivo disperso de 50 MB: no ocupa disco
        f.truncate(50 * 1024 * 1024)
    leidos: list[int] = []
    original = Path.open

    def abrir_vigilado(self: Path, *args: object, **kwargs: object):  # noqa: ANN202
        leidos.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", abrir_vigilado)
    rechazo = _uno(ruta)
    assert isinstance(rechazo, Rechazo)
    assert "demasiado grande" in rechazo.motivo
    assert "50.0 MB" in rechazo.detalle
    assert leidos == []


def test_limite_de_tamano_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = tmp_path / "nota.txt"
    ruta.write_text(NOTA * 100, encoding="utf-8")
    assert isinstance(_uno(ruta), NotaCruda)
    monkeypatch.setenv("ARTICULA_LIMITE_MB", "0.001")
    assert isinstance(_uno(ruta), Rechazo)
    assert isinstance(list(leer([ruta], limite=10**6))[0], NotaCruda)


def test_archivo_ilegible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ruta = tmp_path / "cerrado.txt"
    ruta.write_text(NOTA, encoding="utf-8")

    def sin_permiso(self: Path, *args: object, **kwargs: object):  # noqa: ANN202
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", sin_permiso)
    rechazo = _uno(ruta)
    assert isinstance(rechazo, Rechazo)
    assert "permiso" in rechazo.motivo


def test_extension_no_soportada_y_ruta_inexistente(tmp_path: Path) -> None:
    (tmp_path / "nota.docx").write_bytes(b"x")
    rechazo = _uno(tmp_path / "nota.docx")
    assert isinstance(rechazo, Rechazo) and "Extensión no soportada" in rechazo.motivo
    rechazo = _uno(tmp_path / "no_existe.txt")
    assert isinstance(rechazo, Rechazo) and "no existe" in rechazo.motivo


def test_html_con_scripts_y_estilos(tmp_path: Path) -> None:
    html = """<!doctype html><html><head><title>Título de pestaña - Noticias - gob.pe</title>
    <meta property="og:title" content="Cancillería Tumbes lidera reunión">
    <link rel="canonical" href="https://www.gob.pe/institucion/rree/noticias/1-x">
    <style>body { color: red }</style><script>alert("hola")</script></head>
    <body><nav>Inicio Menú</nav><main><h1>Cancillería Tumbes lidera reunión</h1>
    <p>10 de diciembre de 2025 - 1:36 p. m.</p><p>Nota Informativa 1583-25</p>
    <p>El pasado 3 de diciembre se realizó la reunión &amp; la <b>mesa</b> técnica.</p>
    <noscript>Active JavaScript</noscript><template><p>oculto</p></template></main>
    <footer>Pie de página</footer></body></html>"""
    ruta = tmp_path / "pagina.html"
    ruta.write_text(html, encoding="utf-8")
    nota = _uno(ruta)
    assert isinstance(nota, NotaCruda)
    assert nota.formato == "html"
    assert nota.titulo == "Cancillería Tumbes lidera reunión"
    assert nota.url == "https://www.gob.pe/institucion/rree/noticias/1-x"
    assert "El pasado 3 de diciembre se realizó la reunión & la mesa técnica." in nota.texto.split("\n")
    assert "Nota Informativa 1583-25" in nota.texto.split("\n")
    for basura in ("alert", "color: red", "Active JavaScript", "oculto", "Menú", "Pie de página"):
        assert basura not in nota.texto


def test_jsonl_con_una_linea_rota(tmp_path: Path) -> None:
    lineas = [
        json.dumps({"titulo": "Uno", "fecha": "2024-01-02", "texto": "Texto uno", "url": "https://a"}),
        '{"titulo": "roto", "texto": ',
        json.dumps({"titulo": "Sin texto", "fecha": "2024-01-02"}),
        json.dumps({"titulo": "Tres", "texto": "Texto tres", "extra": 1}),
    ]
    ruta = tmp_path / "export.jsonl"
    ruta.write_text("\n".join(lineas), encoding="utf-8")
    resultados = list(leer([ruta]))
    assert [type(r).__name__ for r in resultados] == ["NotaCruda", "Rechazo", "Rechazo", "NotaCruda"]
    assert resultados[0].archivo == f"{ruta}#línea 1"
    assert (resultados[0].titulo, resultados[0].fecha, resultados[0].url) == ("Uno", "2024-01-02", "https://a")
    assert resultados[1].archivo == f"{ruta}#línea 2" and "JSON" in resultados[1].motivo
    assert resultados[2].archivo == f"{ruta}#línea 3" and "texto" in resultados[2].motivo
    assert resultados[3].texto == "Texto tres"


def test_csv_con_comas_punto_y_coma_y_saltos_de_linea(tmp_path: Path) -> None:
    ruta = tmp_path / "export.csv"
    ruta.write_text(
        'titulo;fecha;texto;url\nUno;2024-01-02;"Párrafo uno; con punto y coma.\nPárrafo dos.";https://a\n'
        "Dos;2024-02-03;;https://b\nTres;;Texto tres;\n",
        encoding="cp1252",
    )
    resultados = list(leer([ruta]))
    assert isinstance(resultados[0], NotaCruda)
    assert resultados[0].texto == "Párrafo uno; con punto y coma.\nPárrafo dos."
    assert isinstance(resultados[1], Rechazo) and resultados[1].archivo == f"{ruta}#línea 4"
    assert isinstance(resultados[2], NotaCruda) and resultados[2].archivo == f"{ruta}#línea 5"


def test_csv_sin_columna_texto(tmp_path: Path) -> None:
    ruta = tmp_path / "export.csv"
    ruta.write_text("titulo,fecha,url\nUno,2024-01-02,https://a\n", encoding="utf-8")
    rechazo = _uno(ruta)
    assert isinstance(rechazo, Rechazo)
    assert "texto" in rechazo.motivo
    assert "titulo, fecha, url" in rechazo.detalle


def test_carpeta_recursiva_ordenada_y_sin_ciclos(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "c").mkdir(parents=True)
    for nombre in ("b/2.txt", "a/c/1.txt", "z.txt", "a/0.txt"):
        (tmp_path / nombre).write_text(f"Nota {nombre}\nTexto.", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "a" / "c" / "vuelta")
    resultados = list(leer([tmp_path]))
    notas = [r.archivo for r in resultados if isinstance(r, NotaCruda)]
    assert notas == [str(tmp_path / n) for n in ("a/0.txt", "a/c/1.txt", "b/2.txt", "z.txt")]
    ciclos = [r for r in resultados if isinstance(r, Rechazo)]
    assert len(ciclos) == 1 and "enlace simbólico" in ciclos[0].motivo


def test_corpus_incluido_con_direcciones(tmp_path: Path) -> None:
    resultados = list(leer([NOTAS]))
    assert all(isinstance(r, NotaCruda) for r in resultados)
    assert [Path(r.archivo).name for r in resultados] == [p.name for p in archivos_corpus()]
    por_nombre = {Path(r.archivo).name: r for r in resultados}
    assert por_nombre["rree_12064.txt"].url.startswith("https://www.gob.pe/institucion/rree/noticias/12064")
    assert por_nombre["001_25387f2728c7ce80.txt"].url is None  # fuentes.csv lo deja vacío
