"""Acceso de solo lectura a la base DuckDB, seguro entre hilos y atento a reemplazos.

La construcción reemplaza el archivo de forma atómica (`os.replace`); la versión
(inodo, mtime, tamaño) cambia entonces y la siguiente consulta abre la base
nueva. DuckDB reutiliza una instancia por ruta dentro del proceso (y seguiría
sirviendo el archivo viejo), por eso se abre una base en memoria y se adjunta el
archivo con `ATTACH ... (READ_ONLY)`: cada versión tiene su propia instancia y
nunca se toma un candado de escritura. Cada hilo reutiliza su cursor mientras la versión
no cambie (`cursor_del_hilo`): abrir uno y prepararlo cuesta casi 1 ms por consulta.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

import duckdb

_RAIZ = Path(__file__).resolve().parent.parent
CARPETA_SQL = Path(__file__).resolve().parent / "sql"
_ALIAS = "articula"
_PREPARAR_CURSOR = f"USE {_ALIAS}; SET search_path = '{_ALIAS}.main,memory.main'"

# Si una base anterior no trae los marts precalculados (datos/esquema/marts/),
# se ofrecen vistas equivalentes (más lentas) en el catálogo en memoria. Los hechos_* llevan los
# campos del evento que filtra Filtros.donde().
_VISTAS_DE_RESPALDO = {
    "evento_par": (
        "CREATE VIEW memory.main.evento_par AS"
        " SELECT DISTINCT a.evento_id, a.organizacion_id AS organizacion_a, b.organizacion_id AS organizacion_b"
        " FROM articula.main.evento_organizacion a JOIN articula.main.evento_organizacion b"
        " ON a.evento_id = b.evento_id AND a.organizacion_id < b.organizacion_id"
    ),
    "organizacion_resumen": (
        "CREATE VIEW memory.main.organizacion_resumen AS"
        " SELECT o.organizacion_id, o.nombre, o.sigla, o.tipo, o.en_catalogo, count(*) AS eventos,"
        " min(e.fecha) AS primera_fecha, max(e.fecha) AS ultima_fecha"
        " FROM articula.main.organizaciones o"
        " JOIN articula.main.evento_organizacion eo ON eo.organizacion_id = o.organizacion_id"
        " JOIN articula.main.eventos e ON e.evento_id = eo.evento_id GROUP BY ALL"
    ),
    "evento_organizacion_por_organizacion": (
        "CREATE VIEW memory.main.evento_organizacion_por_organizacion AS"
        " SELECT organizacion_id, list(evento_id) AS eventos FROM articula.main.evento_organizacion GROUP BY ALL"
    ),
    "evento_tema_por_tema": (
        "CREATE VIEW memory.main.evento_tema_por_tema AS"
        " SELECT tema, list(evento_id) AS eventos FROM articula.main.evento_tema GROUP BY ALL"
    ),
    "hechos_evento": (
        "CREATE VIEW memory.main.hechos_evento AS"
        " SELECT e.evento_id,"
        " e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento"
        " FROM articula.main.eventos e"
    ),
    # Sin `temas_bits` propio: lo trae de hechos_evento si allí existe (y solo entonces se filtra por bits).
    "evento_lista": (
        "CREATE VIEW memory.main.evento_lista AS"
        " SELECT h.*, x.fecha_publicacion, x.titulo, x.tipo_nota, x.numero_nota,"
        " (SELECT list(eo.organizacion_id) FROM articula.main.evento_organizacion eo"
        " WHERE eo.evento_id = h.evento_id) AS organizacion_ids,"
        " coalesce((SELECT string_agg(t.tema, ', ' ORDER BY t.tema) FROM articula.main.evento_tema t"
        " WHERE t.evento_id = h.evento_id), '') AS temas,"
        " coalesce((SELECT string_agg(s.espacio, ', ' ORDER BY s.espacio) FROM articula.main.evento_espacio s"
        " WHERE s.evento_id = h.evento_id), '') AS espacios,"
        " x.url, x.archivo"
        " FROM hechos_evento h JOIN articula.main.eventos x ON x.evento_id = h.evento_id"
    ),
    "hechos_organizacion": (
        "CREATE VIEW memory.main.hechos_organizacion AS"
        " SELECT eo.evento_id, eo.organizacion_id,"
        " e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento"
        " FROM articula.main.evento_organizacion eo JOIN articula.main.eventos e USING (evento_id)"
    ),
    "hechos_tema": (
        "CREATE VIEW memory.main.hechos_tema AS"
        " SELECT t.evento_id, t.tema,"
        " e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento"
        " FROM articula.main.evento_tema t JOIN articula.main.eventos e USING (evento_id)"
    ),
    "semana_organizacion": (
        "CREATE VIEW memory.main.semana_organizacion AS"
        " SELECT u.unidad, CAST(date_trunc(u.unidad, h.fecha) AS DATE) AS periodo, h.organizacion_id,"
        " count(*) AS eventos FROM hechos_organizacion h"
        " CROSS JOIN (VALUES ('week'), ('month'), ('year')) AS u(unidad)"
        " WHERE h.fecha IS NOT NULL GROUP BY ALL"
    ),
    # Como evento_lista: `temas_bits` de hechos_organizacion si allí existe.
    "calidad_fuera_de_catalogo": (
        "CREATE VIEW memory.main.calidad_fuera_de_catalogo AS"
        " SELECT h.*, eo.evidencia FROM hechos_organizacion h"
        " JOIN articula.main.organizaciones o ON o.organizacion_id = h.organizacion_id AND NOT o.en_catalogo"
        " JOIN articula.main.evento_organizacion eo"
        " ON eo.evento_id = h.evento_id AND eo.organizacion_id = h.organizacion_id"
    ),
    "hechos_par": (
        "CREATE VIEW memory.main.hechos_par AS"
        " SELECT p.evento_id, p.organizacion_a, p.organizacion_b,"
        " e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento"
        " FROM (SELECT DISTINCT a.evento_id, a.organizacion_id AS organizacion_a, b.organizacion_id AS organizacion_b"
        " FROM articula.main.evento_organizacion a JOIN articula.main.evento_organizacion b"
        " ON a.evento_id = b.evento_id AND a.organizacion_id < b.organizacion_id) p"
        " JOIN articula.main.eventos e USING (evento_id)"
    ),
    "region_organizacion": (
        "CREATE VIEW memory.main.region_organizacion AS"
        " SELECT DISTINCT region, organizacion_id FROM hechos_organizacion WHERE region IS NOT NULL"
    ),
    "par_resumen": (
        "CREATE VIEW memory.main.par_resumen AS"
        " SELECT organizacion_a, organizacion_b, count(*) AS eventos FROM evento_par GROUP BY ALL"
    ),
    # Sin bit_tema ningún tema tiene bit: `temas_bits` vale 0 en organizacion_evento y el filtro de tema vuelve
    # al semi-join (como en los hechos_* de respaldo, que no traen `temas_bits`; ver ejecucion._mascara_temas).
    "bit_tema": (
        "CREATE VIEW memory.main.bit_tema AS"
        " SELECT DISTINCT tema, CAST(NULL AS UTINYINT) AS bit FROM articula.main.evento_tema"
    ),
    # El mart datos/esquema/marts/organizacion_evento.sql sin su orden, con `temas_bits` de bit_tema (el del
    # archivo o el de respaldo de arriba: entonces 0, y organizaciones.panorama filtra tema con semi-join).
    "organizacion_evento": (
        "CREATE VIEW memory.main.organizacion_evento AS"
        " SELECT eo.organizacion_id, eo.evento_id,"
        " e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento,"
        " coalesce(bits.temas_bits, CAST(0 AS UBIGINT)) AS temas_bits,"
        " todas.organizaciones,"
        " e.titulo, eo.mencion, eo.evidencia"
        " FROM articula.main.evento_organizacion eo JOIN articula.main.eventos e USING (evento_id)"
        " JOIN (SELECT evento_id, list(organizacion_id ORDER BY organizacion_id) AS organizaciones"
        " FROM articula.main.evento_organizacion GROUP BY evento_id) todas USING (evento_id)"
        " LEFT JOIN (SELECT tb.evento_id, bit_or(CAST(1 AS UBIGINT) << b.bit) AS temas_bits"
        " FROM articula.main.evento_tema tb JOIN bit_tema b ON b.tema = tb.tema"
        " WHERE b.bit IS NOT NULL GROUP BY tb.evento_id) bits USING (evento_id)"
    ),
}

_candado = threading.Lock()
_actual: tuple[tuple[str, tuple], duckdb.DuckDBPyConnection] | None = None
_por_hilo = threading.local()


class BaseNoDisponible(FileNotFoundError):
    """No hay base construida en la ruta configurada."""


def ruta_bd() -> Path:
    """Ruta de la base: `ARTICULA_DB` o `datos/articula.duckdb`."""
    configurada = os.environ.get("ARTICULA_DB")
    if configurada:
        return Path(configurada).expanduser()
    return _RAIZ / "datos" / "articula.duckdb"


def version_bd(ruta: Path | None = None) -> tuple:
    """Cambia cuando el archivo se reemplaza o modifica; `()` si no existe."""
    try:
        estado = os.stat(ruta or ruta_bd())
    except OSError:
        return ()
    return (estado.st_ino, estado.st_mtime_ns, estado.st_size)


def hay_base() -> bool:
    """Si existe una base que el tablero pueda abrir."""
    return bool(version_bd())


def _abrir(ruta: Path) -> duckdb.DuckDBPyConnection:
    conexion = duckdb.connect(
        ":memory:",
        config={"memory_limit": os.environ.get("ARTICULA_MEMORIA", "1GB")},
    )
    conexion.execute(f"ATTACH ? AS {_ALIAS} (READ_ONLY)", [str(ruta)])
    tablas = conexion.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = ?", [_ALIAS])
    presentes = {fila[0] for fila in tablas.fetchall()}
    # Las vistas de respaldo nombran evento_par sin base: la del archivo o la creada antes aquí.
    conexion.execute(f"SET search_path = '{_ALIAS}.main,memory.main'")
    # En orden: par_resumen usa evento_par y organizacion_evento usa bit_tema.
    for mart, vista in _VISTAS_DE_RESPALDO.items():
        if mart not in presentes:
            conexion.execute(vista)
    return conexion


def _clave_vigente() -> tuple[str, tuple]:
    ruta = ruta_bd()
    version = version_bd(ruta)
    if not version:
        raise BaseNoDisponible(f"No se encontró la base de datos en {ruta}. Ejecute: python -m datos construir")
    return (str(ruta), version)


def _cursor_nuevo(clave: tuple[str, tuple]) -> duckdb.DuckDBPyConnection:
    global _actual
    with _candado:
        if _actual is None or _actual[0] != clave:
            # La conexión anterior no se cierra aquí: otros hilos pueden estar
            # usando cursores suyos; se libera cuando el último se suelta.
            _actual = (clave, _abrir(Path(clave[0])))
        nuevo = _actual[1].cursor()
    nuevo.execute(_PREPARAR_CURSOR)
    return nuevo


def cursor() -> duckdb.DuckDBPyConnection:
    """Un cursor nuevo (propio de quien lo pide) sobre la versión vigente de la base.

    Quien lo recibe debe cerrarlo (`with cursor() as c:`).
    """
    return _cursor_nuevo(_clave_vigente())


def cursor_del_hilo() -> duckdb.DuckDBPyConnection:
    """El cursor de este hilo sobre la versión vigente (se crea la primera vez y si la base cambió).

    No se cierra: lo reusan las consultas siguientes del mismo hilo. Cada consulta lee su
    resultado entero antes de la próxima, así que nunca hay dos abiertas sobre el mismo cursor.
    """
    clave = _clave_vigente()
    propio = getattr(_por_hilo, "cursor", None)
    if propio is None or propio[0] != clave or propio[2] is not _conexion_de(clave):
        propio = (clave, _cursor_nuevo(clave), _conexion_de(clave))
        _por_hilo.cursor = propio
    return propio[1]


def _conexion_de(clave: tuple[str, tuple]) -> duckdb.DuckDBPyConnection | None:
    actual = _actual
    return actual[1] if actual is not None and actual[0] == clave else None


def olvidar_conexion() -> None:
    """Suelta la conexión cacheada (pruebas, o para liberar memoria); los cursores de hilo se renuevan."""
    global _actual
    with _candado:
        _actual = None
    _por_hilo.cursor = None


@lru_cache(maxsize=128)
def cargar_sql(nombre: str) -> str:
    """Texto de `consultas/sql/<nombre>.sql` (cacheado)."""
    if not nombre.replace("_", "").isalnum() or not nombre.isascii():
        raise ValueError(f"Nombre de consulta no válido: {nombre!r}")
    return (CARPETA_SQL / f"{nombre}.sql").read_text(encoding="utf-8")
