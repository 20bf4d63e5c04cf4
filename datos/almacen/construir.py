"""La construcción completa: leer → descartar duplicados → extraer en paralelo → cargar → marts → publicar.

Todo se escribe en una copia de la base que reemplaza a la original solo al final
(ver `atomico.py`): si la corrida muere a medias, la base anterior sigue intacta.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path

import duckdb

from datos.almacen import atomico, esquema, marts, paquete, pausa
from datos.almacen.bloqueo import Candado, ConstruccionEnCurso
from datos.almacen.carga import Cargador, huellas_en_base
from datos.almacen.paralelo import UMBRAL_POOL, Ejecutor
from datos.almacen.progreso import Progreso
from datos.almacen.resumen import Resumen
from datos.almacen.ruta import NOTAS_POR_DEFECTO, RAIZ_DATOS
from datos.almacen.ruta import ruta_bd as resolver_ruta
from datos.extraccion import lectura
from datos.extraccion.modelos import Rechazo

__all__ = ["construir", "ErrorConstruccion", "ConstruccionEnCurso", "Resumen"]

ARCHIVOS_POR_GRUPO = 100  # notas .txt/.html por tarea de un trabajador (un .jsonl/.csv va solo)
BYTES_POR_NOTA = 3000  # para estimar cuántas notas trae una exportación .jsonl/.csv
RAIZ_PROYECTO = RAIZ_DATOS.parent
MOTIVO_RUTA_INEXISTENTE = "la ruta no existe"
MOTIVO_LECTURA_FALLIDA = paquete.MOTIVO_LECTURA_FALLIDA
MOTIVO_NOTA_VACIA = paquete.MOTIVO_NOTA_VACIA
_NINGUNO = object()  # `next` sin paquetes (ningún archivo que leer)


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


def _elementos(rutas: Iterable[Path]) -> Iterator[str | Rechazo]:
    """Archivos a leer (en el orden de `lectura.leer`) y rechazos del recorrido."""
    for ruta in rutas:
        try:
            yield from lectura.archivos(ruta)
        except Exception as e:  # noqa: BLE001 - una ruta ilegible no debe detener el lote
            yield Rechazo(str(ruta), MOTIVO_LECTURA_FALLIDA, f"{type(e).__name__}: {e}"[:500])


def _peso(elemento: str | Rechazo) -> int:
    """Notas que se espera sacar de un archivo (un .jsonl/.csv trae muchas)."""
    if isinstance(elemento, Rechazo):
        return 0
    if not elemento.lower().endswith((".jsonl", ".csv")):
        return 1
    try:
        return max(1, os.path.getsize(elemento) // BYTES_POR_NOTA)
    except OSError:
        return 1


def _grupos(elementos: Iterator[str | Rechazo]) -> Iterator[tuple[list, int]]:
    """Tareas para los trabajadores: hasta ARCHIVOS_POR_GRUPO notas sueltas; cada exportación, aparte."""
    grupo: list = []
    peso_grupo = 0
    for elemento in elementos:
        peso = _peso(elemento)
        if peso > 1 and grupo:
            yield grupo, peso_grupo
            grupo, peso_grupo = [], 0
        grupo.append(elemento)
        peso_grupo += peso
        if peso_grupo >= ARCHIVOS_POR_GRUPO:
            yield grupo, peso_grupo
            grupo, peso_grupo = [], 0
    if grupo:
        yield grupo, peso_grupo


def _con_pool(grupos: Iterator[tuple[list, int]]) -> tuple[bool, Iterator[list]]:
    """¿Vale la pena el pool? Mira grupos hasta juntar UMBRAL_POOL notas estimadas (o acabarse)."""
    vistos: list[list] = []
    peso = 0
    for grupo, p in grupos:
        vistos.append(grupo)
        peso += p
        if peso >= UMBRAL_POOL:
            break

    def todos() -> Iterator[list]:
        yield from vistos
        for grupo, _ in grupos:
            yield grupo

    return peso >= UMBRAL_POOL, todos()


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
        copia = atomico.CopiaEnSegundoPlano(destino)  # mientras se copia, se leen huellas y se extrae
        con = None
        ejecutor = None
        barra = Progreso(activo=progreso)
        try:
            try:
                huellas = huellas_en_base(destino)
            except duckdb.Error as e:
                raise ErrorConstruccion(f"No se pudo abrir la base {destino}: {e}") from e
            grande, grupos = _con_pool(_grupos(_elementos(existentes)))
            ejecutor = Ejecutor(procesos if grande else 1, paquete.Contexto(recortar, *huellas))
            paquetes = ejecutor.mapear(grupos)
            primero = next(paquetes, _NINGUNO)  # los trabajadores ya extraen: la copia no los detiene
            reloj.marcar("arranque")
            tmp = copia.esperar()
            reloj.marcar("copia")
            pausa.punto("copia")
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
            for paq in itertools.chain(() if primero is _NINGUNO else (primero,), paquetes):
                filtro.cargar(paq)
                pausa.punto("lote")
                barra.avanzar(len(paq.items))
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
                copia.terminar()
                atomico.descartar(tmp)
                return resumen
            pausa.punto("confirmacion")
            con.execute("CHECKPOINT")
            con.close()
            con = None
            reloj.marcar("checkpoint")
            pausa.punto("cerrada")
            copia.terminar()
            atomico.publicar(tmp, destino)
            reloj.marcar("publicacion")
            pausa.punto("publicada")
        except BaseException:
            if ejecutor is not None:
                ejecutor.abortar()
            if con is not None:
                con.close()
            copia.terminar()
            atomico.descartar(copia.tmp)
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

    def cargar(self, paq: paquete.Paquete) -> None:
        """Cuenta lo que pasó con cada nota del paquete y pasa las nuevas (no vistas antes) al cargador."""
        resumen, vistas = self.resumen, self.vistas
        filas: list[int] = []
        fila = 0
        for codigo, archivo, huella, motivo, detalle in paq.items:
            if codigo == paquete.RECHAZO:
                self.rechazar(archivo, motivo, detalle)
                continue
            resumen.leidas += 1
            self.cargador.visto(archivo)
            if codigo == paquete.VACIA:
                self.rechazar(archivo, MOTIVO_NOTA_VACIA)
                continue
            nueva = codigo == paquete.NUEVA
            if nueva:
                fila += 1
            if huella in vistas:
                resumen.duplicadas += 1
                continue
            vistas.add(huella)
            if nueva:
                filas.append(fila - 1)
                resumen.nuevas += 1
            elif codigo == paquete.ERROR:
                self.rechazar(archivo, motivo, detalle)
            else:  # ya en la base
                resumen.duplicadas += 1
        self.cargador.agregar(paq, filas)
