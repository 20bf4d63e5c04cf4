"""Escritura por lotes de los eventos extraídos (tablas Arrow registradas en DuckDB, nunca fila a fila)."""

from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pyarrow as pa

from datos.extraccion.modelos import NotaCruda

VOLCAR_CADA = 5000  # eventos en memoria antes de escribir

_COLUMNAS_EVENTO = (
    "titulo",
    "tipo_nota",
    "numero_nota",
    "fecha_publicacion",
    "fecha_evento",
    "oficina",
    "tipo_oficina",
    "pais",
    "region",
    "tipo_evento",
    "url",
    "archivo",
)
_EVIDENCIAS = ("fecha_publicacion", "fecha_evento", "oficina", "region", "tipo_evento")

_SQL_NOTAS = """
INSERT INTO notas (nota_id, hash_contenido, archivo, url, titulo, texto, formato, sintetica)
SELECT nota_id, hash_contenido, archivo, url, titulo, texto, formato, sintetica FROM _lote_notas
"""
_SQL_EVENTOS = """
INSERT INTO eventos
SELECT evento_id, titulo, tipo_nota, numero_nota, fecha_publicacion, fecha_evento,
       fecha, year(fecha), CAST(date_trunc('month', fecha) AS DATE),
       oficina, tipo_oficina, pais, region, tipo_evento, url, archivo,
       evidencia_fecha_publicacion, evidencia_fecha_evento, evidencia_oficina,
       evidencia_region, evidencia_tipo_evento
FROM (
    SELECT *, coalesce(fecha_evento, fecha_publicacion) AS fecha
    FROM (
        SELECT * REPLACE (TRY_CAST(fecha_publicacion AS DATE) AS fecha_publicacion,
                          TRY_CAST(fecha_evento AS DATE) AS fecha_evento)
        FROM _lote_eventos
    )
)
"""
_SQL_EVENTO_ORG = "INSERT INTO evento_organizacion SELECT * FROM _lote_evento_organizacion"
_SQL_EVENTO_TEMA = "INSERT INTO evento_tema SELECT * FROM _lote_evento_tema"
_SQL_EVENTO_ESPACIO = "INSERT INTO evento_espacio SELECT * FROM _lote_evento_espacio"
_SQL_RECHAZOS = "INSERT INTO rechazos (archivo, motivo, detalle) SELECT * FROM _lote_rechazos"
_SQL_BORRAR_RECHAZOS = "DELETE FROM rechazos WHERE split_part(archivo, '#', 1) IN (SELECT archivo FROM _lote_vistos)"
_SQL_ORGS_NUEVAS = "INSERT INTO organizaciones SELECT * FROM _lote_organizaciones"
_SQL_ORGS_CAMBIADAS = """
UPDATE organizaciones AS o SET sigla = c.sigla, tipo = c.tipo, en_catalogo = c.en_catalogo
FROM _lote_organizaciones AS c WHERE o.organizacion_id = c.organizacion_id
"""


def _texto(valor: object) -> str | None:
    if valor is None:
        return None
    return valor if isinstance(valor, str) else str(valor)


def _cadenas(valores: list) -> pa.Array:
    """Columna de texto; si la extracción trajo algún valor no textual, se convierte en vez de fallar."""
    try:
        return pa.array(valores, pa.string())
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        return pa.array([_texto(v) for v in valores], pa.string())


class Cargador:
    """Acumula filas de eventos y las vuelca en bloque; asigna `nota_id` y `organizacion_id` correlativos."""

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
        self._cola: list[tuple[int, str, NotaCruda, dict]] = []  # (evento_id, huella, nota, extracción)

    @property
    def eventos_nuevos(self) -> int:
        return self._nuevos_eventos

    def hashes_existentes(self, hashes: Iterable[str]) -> set[str]:
        """Cuáles de estas huellas ya están en la base (se consulta antes de extraer)."""
        lista = list(hashes)
        if not lista or not self.habia_notas:
            return set()
        tabla = pa.table({"h": pa.array(lista, pa.string())})
        self.con.register("_lote_hashes", tabla)
        try:
            filas = self.con.execute(
                "SELECT hash_contenido FROM notas WHERE hash_contenido IN (SELECT h FROM _lote_hashes)"
            ).fetchall()
        finally:
            self.con.unregister("_lote_hashes")
        return {f[0] for f in filas}

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

    def _organizacion(self, o: dict) -> int | None:
        nombre = _texto(o.get("nombre"))
        if not nombre:
            return None
        sigla, tipo, cat = _texto(o.get("sigla")), _texto(o.get("tipo")), bool(o.get("en_catalogo"))
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

    def agregar(self, huella: str, nota: NotaCruda, ev: dict) -> int:
        """Encola una nota nueva con su evento y relaciones; devuelve el `evento_id` asignado."""
        eid = self.siguiente_id
        self.siguiente_id += 1
        self._nuevos_eventos += 1
        self._cola.append((eid, huella, nota, ev))
        if len(self._cola) >= VOLCAR_CADA:
            self.volcar()
        return eid

    def _relaciones(self) -> tuple[tuple[list, ...], tuple[list, ...], tuple[list, ...]]:
        """Filas de evento_organizacion, evento_tema y evento_espacio (sin repetir dentro de un evento)."""
        eo: tuple[list, ...] = ([], [], [], [])
        et: tuple[list, ...] = ([], [], [])
        es: tuple[list, ...] = ([], [], [])
        for eid, _, _, ev in self._cola:
            vistas: set = set()
            for o in ev.get("organizaciones") or ():
                oid = self._organizacion(o)
                if oid is not None and oid not in vistas:
                    vistas.add(oid)
                    eo[0].append(eid)
                    eo[1].append(oid)
                    eo[2].append(o.get("mencion"))
                    eo[3].append(o.get("evidencia"))
            for campo, filas in (("tema", et), ("nombre", es)):
                vistas = set()
                for h in ev.get("temas" if campo == "tema" else "espacios") or ():
                    valor = h.get(campo)
                    if valor and valor not in vistas:
                        vistas.add(valor)
                        filas[0].append(eid)
                        filas[1].append(valor)
                        filas[2].append(h.get("evidencia"))
        return eo, et, es

    def _insertar(self, nombre: str, tabla: pa.Table, sql: str) -> None:
        if tabla.num_rows == 0:
            return
        self.con.register(nombre, tabla)
        try:
            self.con.execute(sql).fetchall()  # DuckDB 2: consumir el resultado antes de desregistrar
        finally:
            self.con.unregister(nombre)

    def volcar(self) -> None:
        """Escribe lo acumulado (cada tabla en una sola sentencia)."""
        if not self._cola:
            return
        cola = self._cola
        i64, i32 = pa.int64(), pa.int32()
        ids = pa.array([c[0] for c in cola], i64)
        evs = [c[3] for c in cola]
        notas = [c[2] for c in cola]
        pares = list(zip(evs, notas, strict=True))
        self._insertar(
            "_lote_notas",
            pa.table(
                {
                    "nota_id": ids,
                    "hash_contenido": _cadenas([c[1] for c in cola]),
                    "archivo": _cadenas([n.archivo for n in notas]),
                    "url": _cadenas([e.get("url") or n.url for e, n in pares]),
                    "titulo": _cadenas([e.get("titulo") or n.titulo for e, n in pares]),
                    "texto": _cadenas([e.get("texto") or n.texto for e, n in pares]),
                    "formato": _cadenas([n.formato for n in notas]),
                    "sintetica": pa.array([bool(n.sintetica or e.get("sintetica")) for e, n in pares]),
                }
            ),
            _SQL_NOTAS,
        )
        cols = {"evento_id": ids}
        for c in _COLUMNAS_EVENTO:
            cols[c] = _cadenas([e.get(c) for e in evs])
        cols["url"] = _cadenas([e.get("url") or n.url for e, n in pares])
        cols["archivo"] = _cadenas([n.archivo for n in notas])
        evidencias = [e.get("evidencias") or {} for e in evs]
        for c in _EVIDENCIAS:
            cols["evidencia_" + c] = _cadenas([d.get(c) or None for d in evidencias])
        self._insertar("_lote_eventos", pa.table(cols), _SQL_EVENTOS)

        eo, et, es = self._relaciones()
        self._insertar(
            "_lote_evento_organizacion",
            pa.table(
                {
                    "evento_id": pa.array(eo[0], i64),
                    "organizacion_id": pa.array(eo[1], i32),
                    "mencion": _cadenas(eo[2]),
                    "evidencia": _cadenas(eo[3]),
                }
            ),
            _SQL_EVENTO_ORG,
        )
        self._insertar(
            "_lote_evento_tema",
            pa.table({"evento_id": pa.array(et[0], i64), "tema": _cadenas(et[1]), "evidencia": _cadenas(et[2])}),
            _SQL_EVENTO_TEMA,
        )
        self._insertar(
            "_lote_evento_espacio",
            pa.table({"evento_id": pa.array(es[0], i64), "espacio": _cadenas(es[1]), "evidencia": _cadenas(es[2])}),
            _SQL_EVENTO_ESPACIO,
        )
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
