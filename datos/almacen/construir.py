"""La construcción completa: leer → descartar duplicados → extraer en paralelo → cargar → marts → publicar.

Todo se escribe en una copia de la base que reemplaza a la original solo al final
(ver `atomico.py`): si la corrida muere a medias, la base anterior sigue intacta.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

import duckdb

from datos.almacen import atomico, esquema, marts, pausa
from datos.almacen.bloqueo import Candado, ConstruccionEnCurso
from datos.almacen.carga import Cargador
from datos.almacen.hashing import hash_contenido, normalizar
from datos.almacen.paralelo import UMBRAL_POOL, Ejecutor
from datos.almacen.progreso import Progreso
from datos.almacen.resumen import Resumen
from datos.almacen.ruta import NOTAS_POR_DEFECTO, RAIZ_DATOS
from datos.almacen.ruta import ruta_bd as resolver_ruta
from datos.extraccion import lectura
from datos.extraccion.modelos import NotaCruda, Rechazo

__all__ = ["construir", "ErrorConstruccion", "ConstruccionEnCurso", "Resumen"]

TAM_LOTE = 1000
RAIZ_PROYECTO = RAIZ_DATOS.parent
MOTIVO_RUTA_INEXISTENTE = "la ruta no existe"
MOTIVO_LECTURA_FALLIDA = "no se pudo leer la ruta"
MOTIVO_NOTA_VACIA = "la nota no tiene texto"


class _Reloj:
    """Anota cuánto tardó cada etapa (para el benchmark y para saber dónde se va el tiempo)."""

    def __init__(self, etapas: dict[str, float]) -> None:
        self.etapas = etapas
        self._ultimo = time.monotonic()

    def marcar(self, etapa: str) -> None:
        ahora = time.monotonic()
        self.etapas[etapa] = self.etapas.get(etapa, 0.0) + ahora - self._ultimo
        self._ultimo = ahora


class ErrorConstruccion(RuntimeError):
    """La construcción no pudo hacerse (sin entradas, base no escribible...): mensaje en español."""


def _leer_seguro(rutas: Iterable[Path]) -> Iterator[NotaCruda | Rechazo]:
    """Lee ruta por ruta: si la lectura de una falla con una excepción, se rechaza esa ruta y se sigue."""
    for ruta in rutas:
        try:
            yield from lectura.leer([ruta])
        except Exception as e:  # noqa: BLE001 - una ruta ilegible no debe detener el lote
            yield Rechazo(str(ruta), MOTIVO_LECTURA_FALLIDA, f"{type(e).__name__}: {e}"[:500])


def _lotes(items: Iterator, tam: int) -> Iterator[list]:
    lote: list = []
    for item in items:
        lote.append(item)
        if len(lote) >= tam:
            yield lote
            lote = []
    if lote:
        yield lote


def _verificar_destino(ruta: Path) -> None:
    carpeta = ruta.parent
    if not carpeta.is_dir():
        raise ErrorConstruccion(f"La carpeta de la base no existe: {carpeta}")
    if not os.access(carpeta, os.W_OK | os.X_OK):
        raise ErrorConstruccion(f"No se puede escribir en la carpeta de la base: {carpeta}")
    if ruta.exists() and not ruta.is_file():
        raise ErrorConstruccion(f"La ruta de la base no es un archivo: {ruta}")


def construir(
    rutas: Iterable[str | os.PathLike] | None = None,
    ruta_bd: str | os.PathLike | None = None,
    procesos: int | None = None,
    estricto: bool = False,
    progreso: bool = True,
) -> Resumen:
    """Agrega a la base las notas nuevas de `rutas` (por defecto `datos/notas/`) y devuelve el resumen.

    Idempotente (huella del contenido) e incremental (solo se extrae lo nuevo).
    Con `estricto=True`, si hubo algún rechazo no se guarda nada (`Resumen.confirmada` es False).
    Levanta `ErrorConstruccion` o `ConstruccionEnCurso` cuando no puede construir.
    """
    inicio_reloj = time.monotonic()
    inicio = datetime.now()
    destino = resolver_ruta(ruta_bd)
    por_defecto = not rutas
    entradas = [Path(r) for r in (rutas or [NOTAS_POR_DEFECTO])]
    # Con la carpeta incluida, `archivo` se guarda relativo al proyecto (no la ruta de quien construyó).
    recortar = str(RAIZ_PROYECTO) + os.sep if por_defecto else None
    existentes = [r for r in entradas if os.path.lexists(r)]
    if not existentes:
        raise ErrorConstruccion("Ninguna de las rutas de entrada existe: " + ", ".join(map(str, entradas)))
    _verificar_destino(destino)
    procesos = procesos or os.cpu_count() or 1

    resumen = Resumen(ruta_bd=destino, estricto=estricto)
    with Candado(destino):
        pausa.punto("bloqueo")
        atomico.limpiar_huerfanos(destino)
        reloj = _Reloj(resumen.etapas)
        tmp = atomico.preparar_copia(destino)
        reloj.marcar("copia")
        pausa.punto("copia")
        con = None
        ejecutor = None
        barra = Progreso(activo=progreso)
        try:
            try:
                con = duckdb.connect(str(tmp))
            except duckdb.Error as e:
                raise ErrorConstruccion(f"No se pudo abrir la base {destino}: {e}") from e
            esquema.aplicar(con)
            cargador = Cargador(con)
            filtro = _FiltroDuplicados(cargador, resumen, recortar)
            for r in entradas:
                if r not in existentes:
                    filtro.rechazar(str(r), MOTIVO_RUTA_INEXISTENTE)
            pendiente = None  # (notas nuevas con su huella, resultado asíncrono de la extracción)
            for lote in _lotes(_leer_seguro(existentes), TAM_LOTE):
                nuevas = filtro.nuevas(lote)
                if ejecutor is None or (ejecutor.procesos < procesos and len(nuevas) >= UMBRAL_POOL):
                    # El pool arranca recién cuando un lote trae muchas notas nuevas (no por duplicadas).
                    # El ejecutor de un proceso no deja nada pendiente: reemplazarlo es seguro.
                    ejecutor = Ejecutor(procesos if len(nuevas) >= UMBRAL_POOL else 1)
                tarea = ejecutor.lanzar([n for _, n in nuevas])
                if pendiente is not None:
                    _cargar(cargador, resumen, *pendiente)
                    pausa.punto("lote")
                pendiente = (nuevas, tarea)
                barra.avanzar(len(lote))
            if pendiente is not None:
                _cargar(cargador, resumen, *pendiente)
                pausa.punto("lote")
            if ejecutor is not None:
                ejecutor.cerrar()
            barra.cerrar()
            cargador.terminar()
            reloj.marcar("extraccion_y_carga")
            resumen.marts = marts.refrescar(
                con, cargador.primer_id_nuevo if cargador.habia_notas else None, cargador.eventos_nuevos
            )
            reloj.marcar("marts")
            resumen.segundos = time.monotonic() - inicio_reloj
            con.execute(
                "INSERT INTO construcciones VALUES (?, ?, ?, ?, ?, ?)",
                [inicio, datetime.now(), resumen.leidas, resumen.nuevas, resumen.duplicadas, resumen.rechazadas],
            )
            resumen.eventos_en_base = con.execute("SELECT count(*) FROM eventos").fetchall()[0][0]
            if estricto and resumen.rechazadas:
                resumen.confirmada = False
                con.close()
                con = None
                atomico.descartar(tmp)
                return resumen
            pausa.punto("confirmacion")
            con.execute("CHECKPOINT")
            con.close()
            con = None
            reloj.marcar("checkpoint")
            pausa.punto("cerrada")
            atomico.publicar(tmp, destino)
            reloj.marcar("publicacion")
            pausa.punto("publicada")
        except BaseException:
            if ejecutor is not None:
                ejecutor.abortar()
            if con is not None:
                con.close()
            atomico.descartar(tmp)
            raise
    resumen.segundos = time.monotonic() - inicio_reloj
    return resumen


class _FiltroDuplicados:
    """Separa rechazos, notas vacías y duplicadas (en la corrida o ya en la base) antes de extraer."""

    def __init__(self, cargador: Cargador, resumen: Resumen, recortar: str | None) -> None:
        self.cargador, self.resumen, self.recortar = cargador, resumen, recortar
        self.vistas: set[str] = set()

    def rechazar(self, archivo: str, motivo: str, detalle: str = "") -> None:
        self.resumen.rechazadas += 1
        self.resumen.motivos[motivo] += 1
        self.cargador.rechazo(archivo, motivo, detalle)

    def nuevas(self, lote: list[NotaCruda | Rechazo]) -> list[tuple[str, NotaCruda]]:
        candidatas: list[tuple[str, NotaCruda]] = []
        for item in lote:
            if self.recortar and item.archivo.startswith(self.recortar):
                item = dataclasses.replace(item, archivo=item.archivo[len(self.recortar) :])
            if isinstance(item, Rechazo):
                self.rechazar(item.archivo, item.motivo, item.detalle)
                continue
            self.resumen.leidas += 1
            self.cargador.visto(item.archivo)
            if not normalizar(item.texto):
                self.rechazar(item.archivo, MOTIVO_NOTA_VACIA)
                continue
            huella = hash_contenido(item.texto)
            if huella in self.vistas:
                self.resumen.duplicadas += 1
                continue
            self.vistas.add(huella)
            candidatas.append((huella, item))
        en_base = self.cargador.hashes_existentes(h for h, _ in candidatas)  # antes de extraer, no después
        self.resumen.duplicadas += sum(1 for h, _ in candidatas if h in en_base)
        return [(h, n) for h, n in candidatas if h not in en_base]


def _cargar(cargador: Cargador, resumen: Resumen, nuevas: list[tuple[str, NotaCruda]], tarea) -> None:
    for (huella, nota), resultado in zip(nuevas, tarea.get(), strict=True):
        if isinstance(resultado, Rechazo):
            resumen.rechazadas += 1
            resumen.motivos[resultado.motivo] += 1
            cargador.rechazo(resultado.archivo, resultado.motivo, resultado.detalle)
            continue
        cargador.agregar(huella, nota, resultado)
        resumen.nuevas += 1
