"""El corpus sintético de benchmarks: reproducible, con la forma de las notas reales y siempre marcado."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import catalogo_sintetico, sintetico

RAIZ = Path(__file__).resolve().parent.parent
FECHA = re.compile(r"^\d{1,2} de [a-z]+ de \d{4} - \d{1,2}:\d{2} [ap]\. m\.$", re.M)
NUMERO = re.compile(r"^(Nota Informativa|Nota de Prensa|Comunicado de Prensa) \d{1,4}( – |-| - )\d{2}$", re.M)
VOC = catalogo_sintetico.cargar(None)  # solo la lista incorporada: no depende de los catálogos del árbol


def _bytes_de(carpeta: Path) -> dict[str, bytes]:
    return {str(p.relative_to(carpeta)): p.read_bytes() for p in sorted(carpeta.rglob("*")) if p.is_file()}


def test_misma_semilla_mismos_bytes_y_otra_semilla_otros(tmp_path: Path) -> None:
    a = sintetico.escribir(200, 7, tmp_path / "a", vocabulario=VOC, procesos=1)
    b = sintetico.escribir(200, 7, tmp_path / "b", vocabulario=VOC, procesos=2)
    c = sintetico.escribir(200, 8, tmp_path / "c", vocabulario=VOC, procesos=1)
    archivos_a, archivos_c = _bytes_de(a), _bytes_de(c)
    assert len([n for n in archivos_a if n.endswith(".txt")]) == 200
    assert archivos_a == _bytes_de(b)
    assert archivos_a.keys() == archivos_c.keys()
    distintos = sum(archivos_a[n] != archivos_c[n] for n in archivos_a)
    assert distintos > 190


def test_subcarpetas_de_hasta_diez_mil_con_fuentes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sintetico, "ARCHIVOS_POR_CARPETA", 80)
    sintetico.escribir(200, 1, tmp_path, vocabulario=VOC, procesos=1)
    carpetas = sorted(p for p in tmp_path.iterdir() if p.is_dir())
    assert [len(list(c.glob("*.txt"))) for c in carpetas] == [80, 80, 40]
    for c in carpetas:
        filas = (c / "fuentes.csv").read_text(encoding="utf-8").splitlines()
        assert filas[0] == "archivo,url"
        nombres = {f.split(",", 1)[0] for f in filas[1:]}
        assert nombres == {p.name for p in c.glob("*.txt")}
        assert all(f.split(",", 1)[1].startswith(sintetico.PREFIJO_URL) for f in filas[1:])


def test_cada_nota_tiene_la_forma_de_una_real_y_la_marca() -> None:
    notas = list(sintetico.generar(300, 3, VOC))
    sin_fecha = 0
    for nota in notas:
        lineas = nota.texto.strip().splitlines()
        assert lineas[0].strip() and not lineas[0].startswith("[")  # el título va primero
        assert lineas[-1].strip() == f"{sintetico.MARCA} {nota.url}"
        assert nota.url.startswith(sintetico.PREFIJO_URL)
        assert "Nota Informativa" in nota.texto or "Nota de Prensa" in nota.texto or "Comunicado" in nota.texto
        if not FECHA.search(nota.texto):
            sin_fecha += 1
    con_numero = sum(bool(NUMERO.search(n.texto)) for n in notas)
    assert con_numero > 0.85 * len(notas)
    assert 0 < sin_fecha < 0.08 * len(notas)
    cuerpo = "\n".join(n.texto for n in notas)
    assert "El pasado " in cuerpo
    assert re.search(r"\([A-Z][A-Za-zé]+\)", cuerpo)  # "Nombre (SIGLA)"
    assert "los Ministerios de " in cuerpo
    assert "Consulado General del Perú en " in cuerpo and "Cancillería " in cuerpo


def test_cubre_todas_las_regiones_y_muchos_paises() -> None:
    cuerpo = "\n".join(n.texto for n in sintetico.generar(3000, 5, VOC))
    regiones = {dep for dep, _ in VOC.departamentos if dep in cuerpo}
    assert len(regiones) == len(VOC.departamentos) == 25
    paises = {p for p, _, _ in VOC.misiones if f", {p}," in cuerpo}
    assert len(paises) >= 25


def test_tasas_de_duplicadas_y_variantes_de_espacios() -> None:
    notas = list(sintetico.generar(2000, 11, VOC))
    exactas = Counter(n.texto for n in notas)
    duplicadas = sum(c - 1 for c in exactas.values())
    normalizadas = Counter(" ".join(n.texto.split()) for n in notas)
    variantes = sum(c - 1 for c in normalizadas.values()) - duplicadas
    assert 0.01 * len(notas) < duplicadas < 0.035 * len(notas)
    assert 0.004 * len(notas) < variantes < 0.02 * len(notas)
    # una duplicada lleva la misma url que su original: es la misma nota
    url_por_texto = {}
    for n in notas:
        assert url_por_texto.setdefault(" ".join(n.texto.split()), n.url) == n.url


def test_jsonl_tiene_el_mismo_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    monkeypatch.setattr(sintetico, "NOTAS_POR_JSONL", 50)
    destino = sintetico.escribir(120, 4, tmp_path, formato="jsonl", vocabulario=VOC, procesos=1)
    archivos = sorted(destino.glob("*.jsonl"))
    assert len(archivos) == 3
    registros = [json.loads(linea) for a in archivos for linea in a.read_text(encoding="utf-8").splitlines()]
    esperadas = list(sintetico.generar(120, 4, VOC))
    assert [r["texto"] for r in registros] == [n.texto for n in esperadas]
    assert all(r["sintetica"] is True and r["url"].startswith(sintetico.PREFIJO_URL) for r in registros)


def test_el_corpus_incluido_no_tiene_notas_sinteticas() -> None:
    carpeta = RAIZ / "datos" / "notas"
    textos = [p.read_text(encoding="utf-8") for p in carpeta.rglob("*") if p.is_file()]
    assert textos
    assert not any(sintetico.MARCA in t or sintetico.PREFIJO_URL in t for t in textos)


def test_la_base_incluida_no_tiene_notas_sinteticas(tmp_path: Path) -> None:
    """La base que se arma con `datos/notas` (la del tablero por defecto) no trae ni una nota sintética."""
    import duckdb

    from datos.almacen.construir import construir

    bd = tmp_path / "incluida.duckdb"
    construir(None, bd, procesos=1, progreso=False)
    with duckdb.connect(str(bd), read_only=True) as con:
        total, marcadas = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE sintetica OR url LIKE ? OR texto LIKE ?) FROM notas",
            [sintetico.PREFIJO_URL + "%", "%" + sintetico.MARCA + "%"],
        ).fetchone()
    assert total > 0 and marcadas == 0


def test_el_lector_marca_las_notas_sinteticas(tmp_path: Path) -> None:
    from datos.extraccion import lectura
    from datos.extraccion.modelos import NotaCruda

    sintetico.escribir(30, 2, tmp_path / "txt", vocabulario=VOC, procesos=1)
    destino = sintetico.escribir(30, 2, tmp_path / "jsonl", formato="jsonl", vocabulario=VOC, procesos=1)
    for ruta in (tmp_path / "txt", destino):
        notas = [n for n in lectura.leer([ruta]) if isinstance(n, NotaCruda)]
        assert len(notas) == 30
        assert all(n.sintetica for n in notas)
    reales = [n for n in lectura.leer([RAIZ / "datos" / "notas"]) if isinstance(n, NotaCruda)]
    assert reales and not any(n.sintetica for n in reales)


def test_el_benchmark_mide_las_combinaciones_de_filtros_del_issue() -> None:
    from benchmarks.vistas import combinaciones, percentil
    from consultas.opciones import Opciones

    op = Opciones(anio_min=2016, anio_max=2025, region=("Cusco", "Tumbes"), organizacion=("OIM", "Sunat"),
                  tema=("cultura", "salud"), pais=("Chile",), oficina=("Cancillería Tumbes",))
    combos = dict(combinaciones(op, frecuentes=("OIM",), semilla=1))
    assert combos["ninguno"].es_vacio()
    assert len(combos["una_region"].region) == 1 and combos["una_region"].region[0] in op.region
    assert combos["un_anio"].anio_desde == combos["un_anio"].anio_hasta
    assert combos["una_organizacion"].organizacion == ("OIM",)
    varios = combos["varios"]
    assert varios.region and varios.organizacion and varios.tema and varios.anio_desde
    assert combinaciones(op, ("OIM",), semilla=1) == combinaciones(op, ("OIM",), semilla=1)
    assert percentil([1.0, 2.0, 3.0, 4.0], 50) == 2.5 and percentil([5.0], 95) == 5.0
