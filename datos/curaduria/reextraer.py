"""Reextracción dirigida: vuelve a buscar organizaciones solo en las notas afectadas por una decisión.

Trabaja como la construcción (`datos/almacen`): candado de la base, copia de trabajo, cambios en la copia
y reemplazo atómico al final; el tablero nunca ve una base a medio escribir y, al cambiar el archivo,
abre la nueva versión sin reiniciarse. Solo cambian `evento_organizacion`, `organizaciones` y los marts.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from datos.almacen import atomico, marts
from datos.almacen.bloqueo import Candado
from datos.almacen.paralelo import extraer_seguro
from datos.almacen.ruta import ruta_bd as resolver_ruta
from datos.curaduria.catalogo import clave
from datos.extraccion import catalogos, organizaciones
from datos.extraccion.modelos import NotaCruda, Rechazo

# Texto y título plegados como `clave()`: minúsculas, sin tildes, espacios colapsados.
_SQL_AFECTADAS = """
SELECT n.nota_id FROM notas n
WHERE list_has_any(?, [n.nota_id])
   OR EXISTS (SELECT 1 FROM unnest(?) AS f(forma)
              WHERE contains(regexp_replace(strip_accents(lower(n.texto)), '\\s+', ' ', 'g'), f.forma)
                 OR contains(regexp_replace(strip_accents(lower(coalesce(n.titulo, ''))), '\\s+', ' ', 'g'),
                             f.forma))
   OR n.nota_id IN (SELECT eo.evento_id FROM evento_organizacion eo
                    JOIN organizaciones o USING (organizacion_id)
                    WHERE list_has_any(?, [o.nombre]))
ORDER BY n.nota_id
"""


@dataclass
class Reextraccion:
    notas: int = 0
    segundos: float = 0.0
    menciones_antes: int = 0
    menciones_despues: int = 0


def limpiar_caches() -> None:
    """Tras editar el catálogo: la próxima búsqueda relee los CSV y recompila el autómata."""
    catalogos.limpiar_cache()
    organizaciones.limpiar_cache()


def _afectadas(con: duckdb.DuckDBPyConnection, ids: list[int], formas: list[str], nombres: list[str]) -> list[int]:
    return [fila[0] for fila in con.execute(_SQL_AFECTADAS, [ids, formas, nombres]).fetchall()]


def _extraer(con: duckdb.DuckDBPyConnection, ids: list[int]) -> dict[int, list[dict]]:
    filas = con.execute(
        "SELECT nota_id, archivo, url, titulo, texto, formato, sintetica FROM notas"
        " WHERE list_has_any(?, [nota_id]) ORDER BY nota_id",
        [ids],
    ).fetchall()
    halladas: dict[int, list[dict]] = {}
    for nota_id, archivo, url, titulo, texto, formato, sintetica in filas:
        nota = NotaCruda(archivo=archivo, texto=texto, formato=formato, titulo=titulo, url=url, sintetica=sintetica)
        ev = extraer_seguro(nota)
        if isinstance(ev, Rechazo):
            continue  # se conservan sus organizaciones de antes: mejor eso que perderlas
        halladas[nota_id] = ev.get("organizaciones") or []
    return halladas


def _aplicar(con: duckdb.DuckDBPyConnection, halladas: dict[int, list[dict]]) -> None:
    existentes = {
        nombre: [oid, sigla, tipo, cat]
        for oid, nombre, sigla, tipo, cat in con.execute(
            "SELECT organizacion_id, nombre, sigla, tipo, en_catalogo FROM organizaciones"
        ).fetchall()
    }
    siguiente = max((v[0] for v in existentes.values()), default=0) + 1
    tocadas: dict[str, list] = {}
    filas: tuple[list, list, list, list] = ([], [], [], [])
    for evento_id, orgs in halladas.items():
        vistas: set[int] = set()
        for o in orgs:
            nombre = o.get("nombre")
            if not nombre:
                continue
            actual = tocadas.get(nombre) or existentes.get(nombre)
            cat = bool(o.get("en_catalogo"))
            if actual is None:
                actual = [siguiente, o.get("sigla"), o.get("tipo"), cat]
                siguiente += 1
            elif cat:  # el catálogo manda
                actual = [actual[0], o.get("sigla"), o.get("tipo"), True]
            elif nombre not in tocadas:  # ya no está en el catálogo (p. ej. se deshizo un alta)
                actual = [actual[0], actual[1] or o.get("sigla"), actual[2] or o.get("tipo"), False]
            tocadas[nombre] = actual
            if actual[0] in vistas:
                continue
            vistas.add(actual[0])
            filas[0].append(evento_id)
            filas[1].append(actual[0])
            filas[2].append(o.get("mencion"))
            filas[3].append(o.get("evidencia"))
    ids = list(halladas)
    con.execute("BEGIN")
    con.execute("DELETE FROM evento_organizacion WHERE list_has_any(?, [evento_id])", [ids])
    nuevas = pa.table(
        {
            "evento_id": pa.array(filas[0], pa.int64()),
            "organizacion_id": pa.array(filas[1], pa.int32()),
            "mencion": pa.array(filas[2], pa.string()),
            "evidencia": pa.array(filas[3], pa.string()),
        }
    )
    con.register("_reextraidas", nuevas)
    con.execute("INSERT INTO evento_organizacion SELECT * FROM _reextraidas")
    con.unregister("_reextraidas")
    for nombre, (oid, sigla, tipo, cat) in tocadas.items():
        if nombre in existentes:
            con.execute(
                "UPDATE organizaciones SET sigla = ?, tipo = ?, en_catalogo = ? WHERE organizacion_id = ?",
                [sigla, tipo, cat, oid],
            )
        else:
            con.execute("INSERT INTO organizaciones VALUES (?, ?, ?, ?, ?)", [oid, nombre, sigla, tipo, cat])
    # Una organización que ya no nombra ninguna nota (p. ej. la variante que ahora es alias) desaparece.
    con.execute(
        "DELETE FROM organizaciones WHERE organizacion_id NOT IN (SELECT organizacion_id FROM evento_organizacion)"
    )
    con.execute("COMMIT")


def reextraer(
    formas: Iterable[str] = (),
    nombres: Iterable[str] = (),
    evento_ids: Iterable[int] = (),
    ruta_bd: str | os.PathLike | None = None,
) -> Reextraccion:
    """Reextrae las notas que mencionan alguna de `formas`, que enlazan a `nombres` o que están en `evento_ids`.

    Sin base construida no hace nada. Levanta `ConstruccionEnCurso` si otra construcción tiene la base.
    """
    inicio = time.monotonic()
    destino = resolver_ruta(ruta_bd)
    resultado = Reextraccion()
    if not destino.is_file():
        return resultado
    limpiar_caches()
    formas_l = sorted({clave(f) for f in formas if clave(f)})
    nombres_l = sorted(set(nombres))
    ids_l = sorted({int(i) for i in evento_ids})
    with Candado(destino):
        atomico.limpiar_huerfanos(destino)
        tmp = atomico.preparar_copia(destino)
        con = None
        try:
            con = duckdb.connect(str(tmp))
            afectadas = _afectadas(con, ids_l, formas_l, nombres_l)
            if not afectadas:
                con.close()
                con = None
                atomico.descartar(tmp)
                resultado.segundos = time.monotonic() - inicio
                return resultado
            contar = "SELECT count(*) FROM evento_organizacion"
            resultado.menciones_antes = con.execute(contar).fetchone()[0]
            _aplicar(con, _extraer(con, afectadas))
            marts.refrescar(con)
            resultado.menciones_despues = con.execute(contar).fetchone()[0]
            con.execute("CHECKPOINT")
            con.close()
            con = None
            atomico.publicar(tmp, destino)
        except BaseException:
            if con is not None:
                con.close()
            atomico.descartar(tmp)
            raise
    resultado.notas = len(afectadas)
    resultado.segundos = time.monotonic() - inicio
    return resultado


def ruta_base(ruta_bd: str | os.PathLike | None = None) -> Path:
    """La base sobre la que trabaja la curaduría (mismo criterio que la construcción)."""
    return resolver_ruta(ruta_bd)
