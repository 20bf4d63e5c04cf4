"""Escritura por lotes de los eventos extraídos (tablas Arrow registradas en DuckDB, nunca fila a fila)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from datos.almacen.paquete import Paquete

VOLCAR_CADA = 5000  # eventos en memoria antes de escribir

_SQL_NOTAS = """
INSERT INTO notas (nota_id, hash_contenido, archivo, url, titulo, texto, formato, sintetica)
SELECT nota_id, hash_contenido, archivo, url, titulo_nota, texto, formato, sintetica FROM _lote_notas
"""
_SQL_EVENTOS = """
INSERT INTO eventos
SELECT nota_id, titulo, tipo_nota, numero_nota, fecha_publicacion, fecha_evento,
       fecha, year(fecha), CAST(date_trunc('month', fecha) AS DATE),
       oficina, tipo_oficina, pais, region, tipo_evento, url, archivo,
       evidencia_fecha_publicacion, evidencia_fecha_evento, evidencia_oficina,
       evidencia_region, evidencia_tipo_evento
FROM (
    SELECT *, coalesce(fecha_evento, fecha_publicacion) AS fecha
    FROM (
        SELECT * REPLACE (TRY_CAST(fecha_publicacion AS DATE) AS fecha_publicacion,
                          TRY_CAST(fecha_evento AS DATE) AS fecha_evento)
        FROM _lote_notas
    )
)
"""
_SQL_EVENTO_ORG = """
INSERT INTO evento_organizacion
SELECT evento_id, organizacion_id, mencion, evidencia FROM _lote_evento_organizacion
"""
_SQL_EVENTO_TEMA = "INSERT INTO evento_tema SELECT evento_id, tema, evidencia FROM _lote_evento_tema"
_SQL_EVENTO_ESPACIO = "INSERT INTO evento_espacio SELECT evento_id, espacio, evidencia FROM _lote_evento_espacio"
_SQL_RECHAZOS = "INSERT INTO rechazos (archivo, motivo, detalle) SELECT * FROM _lote_rechazos"
_SQL_BORRAR_RECHAZOS = "DELETE FROM rechazos WHERE split_part(archivo, '#', 1) IN (SELECT archivo FROM _lote_vistos)"
_SQL_ORGS_NUEVAS = "INSERT INTO organizaciones SELECT * FROM _lote_organizaciones"
_SQL_ORGS_CAMBIADAS = """
UPDATE organizaciones AS o SET sigla = c.sigla, tipo = c.tipo, en_catalogo = c.en_catalogo
FROM _lote_organizaciones AS c WHERE o.organizacion_id = c.organizacion_id
"""


_SQL_HUELLAS = (
    "SELECT TRY_CAST('0x' || left(hash_contenido, 16) AS UBIGINT) AS hi,"
    " TRY_CAST('0x' || right(hash_contenido, 16) AS UBIGINT) AS lo"
    " FROM base.notas WHERE length(hash_contenido) = 32 ORDER BY hi, lo"
)


def huellas_en_base(ruta_bd: Path) -> tuple[np.ndarray, np.ndarray]:
    """Huellas ya guardadas en la base (en solo lectura) como dos arreglos uint64 ordenados (mitad alta, baja).

    Viajan a los trabajadores, que así descartan lo ya cargado antes de extraer. Se leen de la base
    original y no de la copia de trabajo: la construcción extrae mientras la copia avanza.
    Levanta `duckdb.Error` si el archivo no es una base DuckDB.
    """
    vacias = np.zeros(0, np.uint64), np.zeros(0, np.uint64)
    if not ruta_bd.exists():
        return vacias
    con = duckdb.connect(":memory:")  # adjuntar, no abrir: no choca con otra conexión a la misma ruta
    try:
        con.execute("ATTACH ? AS base (READ_ONLY)", [str(ruta_bd)])
        hay = con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'base' AND table_name = 'notas'"
        ).fetchone()[0]
        if not hay:
            return vacias
        res = con.execute(_SQL_HUELLAS).fetchnumpy()
    finally:
        con.close()
    return np.asarray(res["hi"], np.uint64), np.asarray(res["lo"], np.uint64)


class Cargador:
    """Acumula tablas Arrow de notas nuevas y las vuelca en bloque; asigna `nota_id` y `organizacion_id`."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.siguiente_id: int = con.execute("SELECT coalesce(max(nota_id), 0) + 1 FROM notas").fetchall()[0][0]
        self.primer_id_nuevo = self.siguiente_id
        self.habia_notas = self.siguiente_id > 1
        self._orgs: dict[str, list] = {}  # nombre -> [id, sigla, tipo, en_catalogo]
        for nombre, oid, sigla, tipo, cat in con.execute(
            "SELECT nombre, organizacion_id, sigla, tipo, en_catalogo FROM organizaciones"
        ).fetchall():
            self._orgs[nombre] = [oid, sigla, tipo, cat]
        self._siguiente_org = max((v[0] for v in self._orgs.values()), default=0) + 1
        self._orgs_nuevas: set[str] = set()
        self._orgs_cambiadas: set[str] = set()
        self._nuevos_eventos = 0
        # `rechazos` guarda el último estado de cada archivo: lo que se vuelve a leer reemplaza sus rechazos previos.
        self._habia_rechazos = con.execute("SELECT count(*) FROM rechazos").fetchall()[0][0] > 0
        self._vistos: set[str] = set()
        self._rechazos: tuple[list, list, list] = ([], [], [])
        self._limpiar_buffers()

    def _limpiar_buffers(self) -> None:
        self._notas: list[pa.Table] = []
        self._eo: list[pa.Table] = []
        self._et: list[pa.Table] = []
        self._es: list[pa.Table] = []
        self._en_cola = 0

    @property
    def eventos_nuevos(self) -> int:
        return self._nuevos_eventos

    def visto(self, archivo: str) -> None:
        """Anota un archivo leído en esta corrida (sus rechazos de corridas anteriores dejan de valer)."""
        if self._habia_rechazos:
            self._vistos.add(archivo.split("#", 1)[0])  # "export.jsonl#línea 3" -> todo el archivo

    def rechazo(self, archivo: str, motivo: str, detalle: str = "") -> None:
        """Encola un rechazo; se escriben todos al terminar, tras borrar los previos de los archivos vistos."""
        self.visto(archivo)
        self._rechazos[0].append(archivo)
        self._rechazos[1].append(motivo)
        self._rechazos[2].append(detalle or None)

    def _organizacion(self, nombre: str, sigla: str | None, tipo: str | None, cat: bool) -> int:
        actual = self._orgs.get(nombre)
        if actual is None:
            oid = self._siguiente_org
            self._siguiente_org += 1
            self._orgs[nombre] = [oid, sigla, tipo, cat]
            self._orgs_nuevas.add(nombre)
            return oid
        # El catálogo manda; fuera de él, la primera versión vista se queda y solo se completan vacíos.
        nuevo = [actual[0], sigla, tipo, cat] if cat else [actual[0], actual[1] or sigla, actual[2] or tipo, actual[3]]
        if nuevo != actual:
            self._orgs[nombre] = nuevo
            if nombre not in self._orgs_nuevas:
                self._orgs_cambiadas.add(nombre)
        return actual[0]

    def agregar(self, paq: Paquete, filas: list[int]) -> None:
        """Encola las filas `filas` de `paq.notas` (en ese orden) con ids correlativos y sus relaciones."""
        if not filas:
            return
        total, k = paq.notas.num_rows, len(filas)
        ids = np.arange(self.siguiente_id, self.siguiente_id + k, dtype=np.int64)
        self.siguiente_id += k
        self._nuevos_eventos += k
        notas = paq.notas if k == total and filas == list(range(total)) else paq.notas.take(filas)
        self._notas.append(notas.append_column("nota_id", pa.array(ids)))
        id_de_fila = np.full(total, -1, np.int64)
        id_de_fila[filas] = ids

        def con_evento(t: pa.Table) -> tuple[pa.Table, np.ndarray]:
            eids = id_de_fila[t.column("fila").to_numpy()]
            dentro = eids >= 0
            if not dentro.all():
                t, eids = t.filter(pa.array(dentro)), eids[dentro]
            return t, eids

        orgs, eids = con_evento(paq.orgs)
        oids = [
            self._organizacion(n, s, t, c)
            for n, s, t, c in zip(
                orgs.column("nombre").to_pylist(),
                orgs.column("sigla").to_pylist(),
                orgs.column("tipo").to_pylist(),
                orgs.column("en_catalogo").to_pylist(),
                strict=True,
            )
        ]
        eo = pa.table(
            {
                "evento_id": pa.array(eids, pa.int64()),
                "organizacion_id": pa.array(oids, pa.int32()),
                "mencion": orgs.column("mencion"),
                "evidencia": orgs.column("evidencia"),
            }
        )
        self._eo.append(eo.filter(orgs.column("primera")))
        for tabla, destino in ((paq.temas, self._et), (paq.espacios, self._es)):
            t, eids = con_evento(tabla)
            destino.append(t.drop_columns(["fila"]).add_column(0, "evento_id", pa.array(eids, pa.int64())))
        self._en_cola += k
        if self._en_cola >= VOLCAR_CADA:
            self.volcar()

    def _insertar(self, nombre: str, tabla: pa.Table, *sqls: str) -> None:
        if tabla.num_rows == 0:
            return
        self.con.register(nombre, tabla)
        try:
            for sql in sqls:
                self.con.execute(sql).fetchall()  # DuckDB 2: consumir el resultado antes de desregistrar
        finally:
            self.con.unregister(nombre)

    def volcar(self) -> None:
        """Escribe lo acumulado (cada tabla en una sola sentencia)."""
        if not self._notas:
            return
        self._insertar("_lote_notas", pa.concat_tables(self._notas), _SQL_NOTAS, _SQL_EVENTOS)
        for nombre, tablas, sql in (
            ("_lote_evento_organizacion", self._eo, _SQL_EVENTO_ORG),
            ("_lote_evento_tema", self._et, _SQL_EVENTO_TEMA),
            ("_lote_evento_espacio", self._es, _SQL_EVENTO_ESPACIO),
        ):
            self._insertar(nombre, pa.concat_tables(tablas), sql)
        self._limpiar_buffers()

    def _tabla_orgs(self, nombres: Iterable[str]) -> pa.Table:
        filas = [(self._orgs[n][0], n, *self._orgs[n][1:]) for n in sorted(nombres)]
        return pa.table(
            {
                "organizacion_id": pa.array([f[0] for f in filas], pa.int32()),
                "nombre": pa.array([f[1] for f in filas], pa.string()),
                "sigla": pa.array([f[2] for f in filas], pa.string()),
                "tipo": pa.array([f[3] for f in filas], pa.string()),
                "en_catalogo": pa.array([f[4] for f in filas], pa.bool_()),
            }
        )

    def terminar(self) -> None:
        """Vuelca lo pendiente, reemplaza los rechazos y escribe las organizaciones nuevas o corregidas."""
        self.volcar()
        s = pa.string()
        self._insertar("_lote_vistos", pa.table({"archivo": pa.array(sorted(self._vistos), s)}), _SQL_BORRAR_RECHAZOS)
        r = self._rechazos
        self._insertar(
            "_lote_rechazos",
            pa.table({"archivo": pa.array(r[0], s), "motivo": pa.array(r[1], s), "detalle": pa.array(r[2], s)}),
            _SQL_RECHAZOS,
        )
        self._vistos, self._rechazos = set(), ([], [], [])
        self._insertar("_lote_organizaciones", self._tabla_orgs(self._orgs_nuevas), _SQL_ORGS_NUEVAS)
        self._insertar("_lote_organizaciones", self._tabla_orgs(self._orgs_cambiadas), _SQL_ORGS_CAMBIADAS)
        self._orgs_nuevas.clear()
        self._orgs_cambiadas.clear()
