"""La construcción de la base: idempotente, incremental, deduplica por contenido y escribe todas las tablas."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from datos.almacen import atomico
from datos.almacen.bloqueo import Candado, ConstruccionEnCurso
from datos.almacen.construir import ErrorConstruccion, construir
from datos.extraccion import extractor
from tests.conftest import NOTAS, archivos_corpus


def consultar(ruta: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(ruta), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def contar(ruta: Path, tabla: str) -> int:
    return consultar(ruta, f"SELECT count(*) FROM {tabla}")[0][0]  # noqa: S608 - nombre de tabla fijo en la prueba


def nota_gobpe(titulo: str, cuerpo: str, fecha: str = "21 de diciembre de 2023 - 10:30 a. m.") -> str:
    return f"{titulo}\n\nNota Informativa\n\n{fecha}\n\n\n{cuerpo}\n"


NOTA_A = nota_gobpe(
    "Cancillería Tumbes participa en mesa de trabajo sobre migración",
    "La Oficina Desconcentrada de Tumbes participó el 20 de diciembre en una mesa de trabajo con la "
    "Organización Internacional para las Migraciones (OIM) y el Gobierno Regional de Tumbes.",
)
NOTA_B = nota_gobpe(
    "Cancillería Piura realiza campaña de documentación",
    "La Oficina Desconcentrada de Piura realizó una campaña informativa con la Superintendencia "
    "Nacional de Migraciones en la ciudad de Piura.",
    "3 de enero de 2024 - 9:00 a. m.",
)


def test_corpus_incluido_un_evento_por_nota_y_repetir_no_agrega(bd_corpus_copia: Path) -> None:
    notas = archivos_corpus()
    assert contar(bd_corpus_copia, "eventos") == len(notas) == contar(bd_corpus_copia, "notas")
    antes = consultar(bd_corpus_copia, "SELECT evento_id, titulo, fecha FROM eventos ORDER BY evento_id")

    resumen = construir([NOTAS], bd_corpus_copia, procesos=1, progreso=False)

    assert (resumen.leidas, resumen.nuevas, resumen.duplicadas, resumen.rechazadas) == (len(notas), 0, len(notas), 0)
    assert consultar(bd_corpus_copia, "SELECT evento_id, titulo, fecha FROM eventos ORDER BY evento_id") == antes
    assert contar(bd_corpus_copia, "construcciones") == 2


def test_notas_incluidas_guardan_su_direccion_publica(bd_corpus: Path) -> None:
    import csv

    with (NOTAS / "fuentes.csv").open(encoding="utf-8") as f:
        esperadas = {fila["archivo"]: fila["url"] or None for fila in csv.DictReader(f)}
    guardadas = dict(consultar(bd_corpus, "SELECT archivo, url FROM notas"))
    assert {Path(a).name: u for a, u in guardadas.items()} == esperadas


def test_misma_nota_con_dos_nombres_cuenta_una_vez(tmp_path: Path) -> None:
    carpeta = tmp_path / "notas"
    carpeta.mkdir()
    (carpeta / "a.txt").write_text(NOTA_A, encoding="utf-8")
    (carpeta / "copia_de_a.txt").write_text(NOTA_A, encoding="utf-8")
    (carpeta / "b.txt").write_text(NOTA_B, encoding="utf-8")
    bd = tmp_path / "bd.duckdb"

    resumen = construir([carpeta], bd, procesos=1, progreso=False)

    assert (resumen.leidas, resumen.nuevas, resumen.duplicadas) == (3, 2, 1)
    assert contar(bd, "eventos") == 2


def test_nota_republicada_con_otros_espacios_es_duplicada(tmp_path: Path) -> None:
    primera = tmp_path / "primera"
    primera.mkdir()
    (primera / "a.txt").write_text(NOTA_A, encoding="utf-8")
    bd = tmp_path / "bd.duckdb"
    construir([primera], bd, procesos=1, progreso=False)

    segunda = tmp_path / "segunda"
    segunda.mkdir()
    respaciada = "  " + NOTA_A.replace(" ", "  ").replace("\n\n", "\n \n\t\n").replace("\n", "\r\n") + "\n\n"
    assert respaciada != NOTA_A
    (segunda / "a_republicada.txt").write_text(respaciada, encoding="utf-8")
    resumen = construir([segunda], bd, procesos=1, progreso=False)

    assert (resumen.nuevas, resumen.duplicadas) == (0, 1)
    assert contar(bd, "eventos") == 1


def test_incremental_solo_extrae_lo_nuevo(bd_corpus_copia: Path, tmp_path: Path, monkeypatch) -> None:
    carpeta = tmp_path / "mezcla"
    shutil.copytree(NOTAS, carpeta)
    (carpeta / "nueva.txt").write_text(NOTA_B, encoding="utf-8")
    extraidas: list[str] = []
    original = extractor.extraer

    def contando(nota):
        extraidas.append(Path(nota.archivo).name)
        return original(nota)

    monkeypatch.setattr(extractor, "extraer", contando)
    resumen = construir([carpeta], bd_corpus_copia, procesos=1, progreso=False)

    assert extraidas == ["nueva.txt"]
    assert (resumen.nuevas, resumen.duplicadas) == (1, len(archivos_corpus()))
    assert contar(bd_corpus_copia, "eventos") == len(archivos_corpus()) + 1


def _extraccion_fija(por_archivo: dict[str, dict]):
    """Sustituto de extraer(): devuelve campos conocidos para probar la carga sin depender de las reglas."""

    def extraer(nota):
        base = {
            "archivo": nota.archivo, "titulo": Path(nota.archivo).stem, "url": nota.url, "tipo_nota": None,
            "numero_nota": None, "fecha_publicacion": None, "fecha_evento": None, "anio": None, "oficina": None,
            "tipo_oficina": None, "pais": None, "region": None, "tipo_evento": None, "organizaciones": [],
            "espacios": [], "temas": [], "evidencias": {}, "texto": nota.texto, "sintetica": nota.sintetica,
            "formato": nota.formato,
        }  # fmt: skip
        base.update(por_archivo[Path(nota.archivo).name])
        return base

    return extraer


def _org(nombre: str, sigla: str | None = None, tipo: str = "internacional", en_catalogo: bool = True) -> dict:
    return {"nombre": nombre, "sigla": sigla, "tipo": tipo, "en_catalogo": en_catalogo, "mencion": sigla or nombre,
            "evidencia": f"Participó {nombre}."}  # fmt: skip


def test_organizaciones_relaciones_y_pares(tmp_path: Path, monkeypatch) -> None:
    oim, acnur, gore = _org("OIM largo", "OIM"), _org("ACNUR largo", "ACNUR"), _org("GORE", None, "gobierno_regional")
    monkeypatch.setattr(
        extractor,
        "extraer",
        _extraccion_fija(
            {
                "a.txt": {
                    "fecha_publicacion": "2023-12-21", "fecha_evento": "2023-12-03",
                    "organizaciones": [oim, acnur, gore, dict(oim, mencion="la OIM")],
                    "temas": [{"tema": "migración y refugio", "evidencia": "x"}] * 2,
                    "espacios": [{"nombre": "Mesa Técnica", "evidencia": "y"}],
                },
                "b.txt": {"fecha_publicacion": "2024-01-03", "organizaciones": [acnur, oim]},
                "c.txt": {"organizaciones": [gore]},
            }  # fmt: skip
        ),
    )
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    for nombre, texto in (("a.txt", NOTA_A), ("b.txt", NOTA_B), ("c.txt", "Otra nota sin fecha.")):
        (carpeta / nombre).write_text(texto, encoding="utf-8")
    bd = tmp_path / "bd.duckdb"
    construir([carpeta], bd, procesos=1, progreso=False)

    nombres = sorted(r[0] for r in consultar(bd, "SELECT nombre FROM organizaciones"))
    assert nombres == ["ACNUR largo", "GORE", "OIM largo"]
    # La OIM mencionada dos veces en la misma nota cuenta una vez; el tema repetido también.
    assert contar(bd, "evento_organizacion") == 3 + 2 + 1
    assert contar(bd, "evento_tema") == 1
    assert consultar(bd, "SELECT espacio FROM evento_espacio") == [("Mesa Técnica",)]
    fechas = consultar(bd, "SELECT archivo, fecha, anio, mes FROM eventos ORDER BY archivo")
    assert [(Path(a).name, str(f), y, str(m)) for a, f, y, m in fechas] == [
        ("a.txt", "2023-12-03", 2023, "2023-12-01"),
        ("b.txt", "2024-01-03", 2024, "2024-01-01"),
        ("c.txt", "None", None, "None"),
    ]
    pares = consultar(
        bd,
        """SELECT e.archivo, oa.nombre, ob.nombre FROM evento_par p JOIN eventos e USING (evento_id)
           JOIN organizaciones oa ON oa.organizacion_id = p.organizacion_a
           JOIN organizaciones ob ON ob.organizacion_id = p.organizacion_b""",
    )
    por_evento: dict[str, set] = {}
    for archivo, a, b in pares:
        por_evento.setdefault(Path(archivo).name, set()).add(frozenset((a, b)))
    assert por_evento == {
        "a.txt": {frozenset(("OIM largo", "ACNUR largo")), frozenset(("OIM largo", "GORE")),
                  frozenset(("ACNUR largo", "GORE"))},
        "b.txt": {frozenset(("OIM largo", "ACNUR largo"))},
    }  # fmt: skip
    assert len(pares) == 4
    assert consultar(bd, "SELECT count(*) FROM evento_par WHERE organizacion_a >= organizacion_b") == [(0,)]


def test_organizacion_del_catalogo_corrige_a_la_hallada_por_patron(tmp_path: Path, monkeypatch) -> None:
    fuera = _org("Red Binacional", None, None, en_catalogo=False)
    dentro = _org("Red Binacional", "RB", "sociedad_civil", en_catalogo=True)
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "a.txt").write_text(NOTA_A, encoding="utf-8")
    bd = tmp_path / "bd.duckdb"
    monkeypatch.setattr(extractor, "extraer", _extraccion_fija({"a.txt": {"organizaciones": [fuera]}}))
    construir([carpeta], bd, procesos=1, progreso=False)
    assert consultar(bd, "SELECT sigla, tipo, en_catalogo FROM organizaciones") == [(None, None, False)]

    (carpeta / "b.txt").write_text(NOTA_B, encoding="utf-8")
    monkeypatch.setattr(extractor, "extraer", _extraccion_fija({"b.txt": {"organizaciones": [dentro]}}))
    construir([carpeta], bd, procesos=1, progreso=False)
    assert consultar(bd, "SELECT sigla, tipo, en_catalogo FROM organizaciones") == [("RB", "sociedad_civil", True)]
    assert contar(bd, "evento_organizacion") == 2


def test_error_de_extraccion_en_una_nota_no_detiene_el_lote(tmp_path: Path, monkeypatch) -> None:
    original = extractor.extraer

    def fallando(nota):
        if nota.archivo.endswith("mala.txt"):
            raise ValueError("regla rota")
        return original(nota)

    monkeypatch.setattr(extractor, "extraer", fallando)
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "buena.txt").write_text(NOTA_A, encoding="utf-8")
    (carpeta / "mala.txt").write_text(NOTA_B, encoding="utf-8")
    bd = tmp_path / "bd.duckdb"
    resumen = construir([carpeta], bd, procesos=1, progreso=False)

    assert (resumen.nuevas, resumen.rechazadas) == (1, 1)
    [(archivo, motivo, detalle)] = consultar(bd, "SELECT archivo, motivo, detalle FROM rechazos")
    assert archivo.endswith("mala.txt") and "extraer" in motivo and "regla rota" in detalle


def test_sintetica_se_guarda_y_jsonl_trae_su_url(tmp_path: Path) -> None:
    import json

    export = tmp_path / "export.jsonl"
    filas = [
        {"titulo": "Benchmark", "fecha": "2024-02-01", "texto": NOTA_A, "url": "sintetico://1", "sintetica": True},
        {"titulo": "Nota real", "fecha": "2024-01-03", "texto": NOTA_B, "url": "https://www.gob.pe/x"},
    ]  # fmt: skip
    export.write_text("\n".join(json.dumps(f, ensure_ascii=False) for f in filas), encoding="utf-8")
    bd = tmp_path / "bd.duckdb"
    construir([export], bd, procesos=1, progreso=False)

    assert sorted(consultar(bd, "SELECT url, sintetica, formato FROM notas")) == [
        ("https://www.gob.pe/x", False, "jsonl"),
        ("sintetico://1", True, "jsonl"),
    ]


def test_estricto_con_rechazos_no_guarda_nada(bd_corpus_copia: Path, tmp_path: Path) -> None:
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "buena.txt").write_text(NOTA_A, encoding="utf-8")
    (carpeta / "vacia.txt").write_bytes(b"")
    antes = bd_corpus_copia.read_bytes()

    resumen = construir([carpeta], bd_corpus_copia, procesos=1, progreso=False, estricto=True)

    assert not resumen.confirmada and resumen.rechazadas == 1
    assert "no se guardó nada" in resumen.texto()
    assert bd_corpus_copia.read_bytes() == antes
    assert atomico.temporales_huerfanos(bd_corpus_copia) == []


def test_copia_fallida_no_toca_la_base_ni_deja_temporales(bd_corpus_copia: Path, tmp_path: Path, monkeypatch) -> None:
    """La copia de trabajo corre en un hilo mientras se extrae: si falla (disco lleno), la construcción
    falla con ese error, la base queda igual y no queda ningún temporal."""
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "buena.txt").write_text(NOTA_A, encoding="utf-8")
    antes = bd_corpus_copia.read_bytes()

    def sin_espacio(origen, destino, *a, **k):
        Path(destino).write_bytes(b"a medias")
        raise OSError(28, "No queda espacio en el dispositivo")

    monkeypatch.setattr(atomico.shutil, "copyfile", sin_espacio)
    with pytest.raises(OSError, match="No queda espacio"):
        construir([carpeta], bd_corpus_copia, procesos=1, progreso=False)

    assert bd_corpus_copia.read_bytes() == antes
    assert atomico.temporales_huerfanos(bd_corpus_copia) == []


def test_base_que_no_es_duckdb_se_rechaza_con_mensaje_y_queda_igual(tmp_path: Path) -> None:
    bd = tmp_path / "bd.duckdb"
    bd.write_bytes(b"esto no es una base DuckDB" * 200)
    with pytest.raises(ErrorConstruccion, match="No se pudo abrir la base"):
        construir([NOTAS], bd, procesos=1, progreso=False)
    assert bd.read_bytes() == b"esto no es una base DuckDB" * 200
    assert atomico.temporales_huerfanos(bd) == []


def test_estricto_sin_rechazos_guarda(tmp_path: Path) -> None:
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "buena.txt").write_text(NOTA_A, encoding="utf-8")
    bd = tmp_path / "bd.duckdb"
    resumen = construir([carpeta], bd, procesos=1, progreso=False, estricto=True)
    assert resumen.confirmada and contar(bd, "eventos") == 1


def test_otra_construccion_en_curso_se_rechaza_con_mensaje(tmp_path: Path) -> None:
    bd = tmp_path / "bd.duckdb"
    with Candado(bd), pytest.raises(ConstruccionEnCurso, match="Otra construcción está en curso"):
        construir([NOTAS], bd, procesos=1, progreso=False)
    assert not bd.exists()


def test_temporales_huerfanos_se_borran(tmp_path: Path) -> None:
    bd = tmp_path / "bd.duckdb"
    huerfano = tmp_path / "bd.duckdb.tmp-999999"
    huerfano.write_bytes(b"basura de una construccion interrumpida")
    (tmp_path / "bd.duckdb.tmp-999999.wal").write_bytes(b"x")
    ajeno = tmp_path / "bd.duckdb.tmp-notas.txt"
    ajeno.write_text("no es un temporal de Articula", encoding="utf-8")

    construir([NOTAS], bd, procesos=1, progreso=False)

    assert sorted(p.name for p in tmp_path.iterdir()) == ["bd.duckdb", "bd.duckdb.lock", "bd.duckdb.tmp-notas.txt"]


def test_sin_entradas_existentes_no_construye(tmp_path: Path) -> None:
    bd = tmp_path / "bd.duckdb"
    with pytest.raises(ErrorConstruccion, match="Ninguna de las rutas"):
        construir([tmp_path / "no_existe"], bd, progreso=False)
    assert not bd.exists()


def test_ruta_inexistente_junto_a_otras_se_rechaza_y_sigue(tmp_path: Path) -> None:
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "a.txt").write_text(NOTA_A, encoding="utf-8")
    bd = tmp_path / "bd.duckdb"
    resumen = construir([carpeta, tmp_path / "falta.txt"], bd, procesos=1, progreso=False)
    assert (resumen.nuevas, resumen.rechazadas) == (1, 1)
    [(archivo, motivo)] = consultar(bd, "SELECT archivo, motivo FROM rechazos")
    assert archivo.endswith("falta.txt") and "no existe" in motivo


def test_varios_procesos_dan_la_misma_base_que_uno(tmp_path: Path) -> None:
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    for i in range(240):  # por encima del umbral del pool
        (carpeta / f"n{i:03d}.txt").write_text(
            nota_gobpe(f"Cancillería Tumbes realiza reunión número {i}", NOTA_A.split("\n\n\n")[1] + f" Acta {i}."),
            encoding="utf-8",
        )
    (carpeta / "vacia.txt").write_bytes(b"")
    uno, dos = tmp_path / "uno.duckdb", tmp_path / "dos.duckdb"
    r1 = construir([carpeta], uno, procesos=1, progreso=False)
    r2 = construir([carpeta], dos, procesos=2, progreso=False)
    assert (r1.nuevas, r1.rechazadas) == (r2.nuevas, r2.rechazadas) == (240, 1)
    sql = "SELECT * EXCLUDE (cargada_en) FROM notas JOIN eventos ON evento_id = nota_id ORDER BY nota_id"
    assert consultar(uno, sql) == consultar(dos, sql)


def test_ruta_de_base_por_variable_de_entorno(tmp_path: Path, monkeypatch) -> None:
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "a.txt").write_text(NOTA_A, encoding="utf-8")
    bd = tmp_path / "desde_entorno.duckdb"
    monkeypatch.setenv("ARTICULA_DB", str(bd))
    resumen = construir([carpeta], None, procesos=1, progreso=False)
    assert resumen.ruta_bd == bd and contar(bd, "eventos") == 1
    assert os.stat(bd).st_size > 0


def _filas_marts(ruta: Path) -> dict[str, list]:
    from datos.almacen import esquema

    nombres = [m.stem for m in esquema.archivos_marts()]
    assert {"evento_par", "par_resumen", "organizacion_resumen"} <= set(nombres)
    # Nombres de tabla tomados de los archivos del proyecto, no de la entrada.
    return {n: consultar(ruta, f"SELECT * FROM {n} ORDER BY ALL") for n in nombres}  # noqa: S608


def test_marts_incrementales_igualan_al_calculo_completo(tmp_path: Path, monkeypatch) -> None:
    from datos.almacen import marts

    orgs = [_org(f"Org {i}", f"O{i}", en_catalogo=i % 2 == 0) for i in range(6)]
    fechas = ["2023-01-05", "2023-06-30", None, "2024-02-10", "2022-11-11", "2025-03-01"]
    por_archivo = {
        f"n{i}.txt": {"fecha_publicacion": fechas[i % 6], "organizaciones": [orgs[(i * k) % 6] for k in range(1, 4)],
                      "region": ("Tumbes", "Puno", None)[i % 3]}
        for i in range(12)
    }
    por_archivo["n11.txt"]["organizaciones"].append(_org("Org nueva en el segundo lote", None, "privado", False))
    monkeypatch.setattr(extractor, "extraer", _extraccion_fija(por_archivo))
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    bd = tmp_path / "bd.duckdb"
    for i in range(12):
        (carpeta / f"n{i}.txt").write_text(f"{NOTA_A} Nota {i}.", encoding="utf-8")
        if i == 5:
            assert set(construir([carpeta], bd, procesos=1, progreso=False).marts.values()) == {"completo"}
    resumen = construir([carpeta], bd, procesos=1, progreso=False)
    assert resumen.nuevas == 6 and set(resumen.marts.values()) == {"incremental"}
    assert construir([carpeta], bd, procesos=1, progreso=False).marts == dict.fromkeys(resumen.marts, "sin cambios")

    incrementales = _filas_marts(bd)
    con = duckdb.connect(str(bd))
    try:
        marts.refrescar(con)  # cálculo completo sobre la misma base
    finally:
        con.close()
    assert incrementales == _filas_marts(bd)
    assert incrementales["evento_par"] and incrementales["par_resumen"]
    assert incrementales["evento_lista"] and incrementales["semana_organizacion"]
    assert incrementales["calidad_fuera_de_catalogo"] and incrementales["region_organizacion"]


def test_ids_y_huellas_unicos_tras_varias_construcciones(bd_corpus_copia: Path, tmp_path: Path) -> None:
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "a.txt").write_text(NOTA_A, encoding="utf-8")
    construir([carpeta, NOTAS], bd_corpus_copia, procesos=1, progreso=False)
    (carpeta / "b.txt").write_text(NOTA_B, encoding="utf-8")
    construir([carpeta], bd_corpus_copia, procesos=1, progreso=False)
    [(n, ids, huellas, eventos, iguales)] = consultar(
        bd_corpus_copia,
        "SELECT count(*), count(DISTINCT nota_id), count(DISTINCT hash_contenido), "
        "(SELECT count(DISTINCT evento_id) FROM eventos), "
        "(SELECT count(*) FROM notas JOIN eventos ON evento_id = nota_id) FROM notas",
    )
    assert n == ids == huellas == eventos == iguales == len(archivos_corpus()) + 2


def test_rechazos_guardan_el_ultimo_estado_de_cada_archivo(tmp_path: Path) -> None:
    carpeta = tmp_path / "n"
    carpeta.mkdir()
    (carpeta / "a.txt").write_text(NOTA_A, encoding="utf-8")
    (carpeta / "arreglable.txt").write_bytes(b"")
    (carpeta / "export.jsonl").write_text('{"titulo": "x", "texto": "roto\n', encoding="utf-8")
    bd = tmp_path / "bd.duckdb"
    for _ in range(2):  # repetir la corrida no duplica los rechazos
        assert construir([carpeta], bd, procesos=1, progreso=False).rechazadas == 2
        assert sorted(Path(a).name for (a,) in consultar(bd, "SELECT archivo FROM rechazos")) == [
            "arreglable.txt", "export.jsonl#línea 1"
        ]  # fmt: skip

    (carpeta / "arreglable.txt").write_text(NOTA_B, encoding="utf-8")  # el analista corrige el archivo
    resumen = construir([carpeta], bd, procesos=1, progreso=False)

    assert (resumen.nuevas, resumen.rechazadas) == (1, 1)
    assert [Path(a).name for (a,) in consultar(bd, "SELECT archivo FROM rechazos")] == ["export.jsonl#línea 1"]
    assert contar(bd, "eventos") == 2
