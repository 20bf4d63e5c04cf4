"""Una base DuckDB pequeña con respuestas conocidas, escrita a mano fila por fila.

Se crea con el DDL real (`datos/esquema/*.sql`) y se llena con parámetros
enlazados, igual que la construcción. Las pruebas de `consultas/` comparan
contra estos datos.

Resumen de lo que contiene:
- 6 eventos: nov-2023 (2, Tumbes), dic-2023 (1, La Libertad), ene-2024 (2: Lima
  y uno en Estados Unidos), y uno sin fecha (Tumbes).
- 5 organizaciones: 4 del catálogo y 1 fuera de él.
- 2 rechazos y 1 construcción.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections import Counter
from pathlib import Path

import duckdb

RAIZ = Path(__file__).resolve().parent.parent
ESQUEMA = RAIZ / "datos" / "esquema"

OIM = "Organización Internacional para las Migraciones"
ACNUR = "Alto Comisionado de las Naciones Unidas para los Refugiados"
GORE = "Gobierno Regional de Tumbes"
PNP = "Policía Nacional del Perú"
AFN = "Asociación Fronteriza del Norte"

# organizacion_id, nombre, sigla, tipo, en_catalogo
ORGANIZACIONES = [
    (1, OIM, "OIM", "internacional", True),
    (2, ACNUR, "ACNUR", "internacional", True),
    (3, GORE, "GORE Tumbes", "gobierno_regional", True),
    (4, PNP, "PNP", "policia_fuerzas_armadas", True),
    (5, AFN, "AFN", "sociedad_civil", False),
]
ID_ORG = {nombre: i for i, nombre, *_ in ORGANIZACIONES}

MIGRACION = "migración y refugio"
SEGURIDAD = "seguridad ciudadana"
VINCULACION = "vinculación con peruanos en el exterior"


def _evento(
    evento_id: int,
    titulo: str,
    fecha_evento: str | None,
    fecha_publicacion: str | None,
    oficina: str,
    tipo_oficina: str,
    pais: str,
    region: str | None,
    tipo_evento: str,
    organizaciones: list[str],
    temas: list[str],
    espacios: list[str] = (),
) -> dict:
    fe = dt.date.fromisoformat(fecha_evento) if fecha_evento else None
    fp = dt.date.fromisoformat(fecha_publicacion) if fecha_publicacion else None
    fecha = fe or fp
    return {
        "evento_id": evento_id,
        "titulo": titulo,
        "tipo_nota": "Nota Informativa",
        "numero_nota": f"{evento_id:03d}-23",
        "fecha_publicacion": fp,
        "fecha_evento": fe,
        "fecha": fecha,
        "anio": fecha.year if fecha else None,
        "mes": fecha.replace(day=1) if fecha else None,
        "oficina": oficina,
        "tipo_oficina": tipo_oficina,
        "pais": pais,
        "region": region,
        "tipo_evento": tipo_evento,
        "url": f"https://www.gob.pe/institucion/rree/noticias/{evento_id}",
        "archivo": f"nota_{evento_id:03d}.txt",
        "organizaciones": organizaciones,
        "temas": temas,
        "espacios": list(espacios),
    }


EVENTOS = [
    _evento(101, "Cancillería Tumbes se reúne con la OIM y el ACNUR", "2023-11-05", "2023-11-06",
            "Cancillería Tumbes", "oficina_desconcentrada", "Perú", "Tumbes", "reunión",
            [OIM, ACNUR, GORE], [MIGRACION], ["Mesa de Trabajo Intersectorial para la Gestión Migratoria"]),
    _evento(102, "Mesa binacional en Tumbes", "2023-11-20", "2023-11-21",
            "Cancillería Tumbes", "oficina_desconcentrada", "Perú", "Tumbes", "reunión",
            [OIM, GORE], [MIGRACION, SEGURIDAD]),
    _evento(103, "Cancillería Trujillo coordina con la PNP", None, "2023-12-03",
            "Cancillería Trujillo", "oficina_desconcentrada", "Perú", "La Libertad", "mesa de trabajo",
            [OIM, PNP], [SEGURIDAD]),
    _evento(104, "Conversatorio sobre movilidad humana en Lima", "2024-01-15", "2024-01-16",
            "Sede central", "sede_central", "Perú", "Lima", "conversatorio",
            [ACNUR, GORE, PNP, AFN], [MIGRACION]),
    _evento(105, "Consulado en Houston atiende a connacionales", "2024-01-20", "2024-01-22",
            "Consulado General del Perú en Houston", "mision_exterior", "Estados Unidos", None, "reunión",
            [OIM], [VINCULACION]),
    _evento(106, "Capacitación en Tumbes (sin fecha)", None, None,
            "Cancillería Tumbes", "oficina_desconcentrada", "Perú", "Tumbes", "capacitación",
            [OIM, GORE], [MIGRACION]),
]

RECHAZOS = [
    ("vacia.txt", "El archivo está vacío", None),
    ("binario.pdf", "No es un archivo de texto", "bytes nulos en las primeras líneas"),
]


def evidencia(evento: dict, que: str) -> str:
    """La oración de evidencia que la base guarda para `que` en `evento`."""
    return f"En la nota {evento['evento_id']} participó {que}."


def texto_nota(evento: dict) -> str:
    oraciones = [evento["titulo"] + "."] + [evidencia(evento, o) for o in evento["organizaciones"]]
    return " ".join(oraciones)


def pares_esperados(eventos: list[dict] | None = None) -> Counter:
    """Eventos compartidos por cada par de organizaciones (nombres ordenados por id)."""
    cuenta: Counter = Counter()
    for evento in eventos or EVENTOS:
        ids = sorted(ID_ORG[o] for o in evento["organizaciones"])
        for a, b in itertools.combinations(ids, 2):
            cuenta[(a, b)] += 1
    return cuenta


def construir_bd(ruta: Path, eventos: list[dict] | None = None) -> Path:
    """Escribe la base en `ruta` (la reemplaza si existe) y la cierra."""
    eventos = EVENTOS if eventos is None else eventos
    ruta = Path(ruta)
    if ruta.exists():
        ruta.unlink()
    con = duckdb.connect(str(ruta))
    try:
        for ddl in sorted(ESQUEMA.glob("*.sql")):
            con.execute(ddl.read_text(encoding="utf-8"))
        for fila in ORGANIZACIONES:
            con.execute("INSERT INTO organizaciones VALUES (?, ?, ?, ?, ?)", list(fila))
        for e in eventos:
            texto = texto_nota(e)
            con.execute(
                "INSERT INTO notas (nota_id, hash_contenido, archivo, url, titulo, texto, formato, sintetica)"
                " VALUES (?, ?, ?, ?, ?, ?, 'txt', FALSE)",
                [e["evento_id"], hashlib.sha1(texto.encode()).hexdigest(), e["archivo"], e["url"], e["titulo"], texto],
            )
            con.execute(
                "INSERT INTO eventos (evento_id, titulo, tipo_nota, numero_nota, fecha_publicacion, fecha_evento,"
                " fecha, anio, mes, oficina, tipo_oficina, pais, region, tipo_evento, url, archivo,"
                " evidencia_fecha_publicacion, evidencia_fecha_evento, evidencia_oficina, evidencia_region,"
                " evidencia_tipo_evento) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    e["evento_id"], e["titulo"], e["tipo_nota"], e["numero_nota"], e["fecha_publicacion"],
                    e["fecha_evento"], e["fecha"], e["anio"], e["mes"], e["oficina"], e["tipo_oficina"], e["pais"],
                    e["region"], e["tipo_evento"], e["url"], e["archivo"],
                    "Lima, 6 de noviembre de 2023" if e["fecha_publicacion"] else None,
                    evidencia(e, "la fecha") if e["fecha_evento"] else None,
                    evidencia(e, e["oficina"]),
                    evidencia(e, e["region"]) if e["region"] else None,
                    evidencia(e, e["tipo_evento"]),
                ],
            )
            for nombre in e["organizaciones"]:
                sigla = next(s for i, n, s, *_ in ORGANIZACIONES if n == nombre)
                con.execute(
                    "INSERT INTO evento_organizacion VALUES (?, ?, ?, ?)",
                    [e["evento_id"], ID_ORG[nombre], sigla, evidencia(e, nombre)],
                )
            for tema in e["temas"]:
                con.execute("INSERT INTO evento_tema VALUES (?, ?, ?)", [e["evento_id"], tema, evidencia(e, tema)])
            for espacio in e["espacios"]:
                con.execute(
                    "INSERT INTO evento_espacio VALUES (?, ?, ?)", [e["evento_id"], espacio, evidencia(e, espacio)]
                )
        for archivo, motivo, detalle in RECHAZOS:
            con.execute("INSERT INTO rechazos (archivo, motivo, detalle) VALUES (?, ?, ?)", [archivo, motivo, detalle])
        con.execute(
            "INSERT INTO construcciones VALUES (TIMESTAMP '2024-02-01 10:00:00', TIMESTAMP '2024-02-01 10:01:00',"
            " ?, ?, 0, ?)",
            [len(eventos) + len(RECHAZOS), len(eventos), len(RECHAZOS)],
        )
        _crear_evento_par(con)
    finally:
        con.close()
    return ruta


def _crear_evento_par(con: duckdb.DuckDBPyConnection) -> None:
    """La tabla de pares como la deja la construcción (a < b, una fila por par y evento)."""
    for mart in sorted((ESQUEMA / "marts").glob("*.sql")):
        if mart.name.endswith(".incremental.sql"):  # solo para construcciones incrementales
            continue
        con.execute(mart.read_text(encoding="utf-8"))
    existe = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'evento_par'").fetchone()[0]
    if not existe:
        con.execute("CREATE TABLE evento_par (evento_id BIGINT, organizacion_a INTEGER, organizacion_b INTEGER)")
    if con.execute("SELECT count(*) FROM evento_par").fetchone()[0] == 0:
        con.execute(
            "INSERT INTO evento_par SELECT DISTINCT a.evento_id, a.organizacion_id, b.organizacion_id"
            " FROM evento_organizacion a JOIN evento_organizacion b"
            " ON a.evento_id = b.evento_id AND a.organizacion_id < b.organizacion_id"
        )
