"""Copia de trabajo y reemplazo atómico: quien lee la base nunca ve un archivo a medio escribir.

La construcción escribe en `<base>.tmp-<pid>` (copia de la base actual, en la misma
carpeta para que `os.replace` sea atómico) y solo al final la pone en su lugar.
Si el proceso muere antes, la base anterior queda intacta y la próxima construcción
borra el temporal huérfano.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

_SUFIJO_TEMPORAL = re.compile(r"\.tmp-\d+(\.wal)?$")


def ruta_temporal(ruta_bd: Path) -> Path:
    return ruta_bd.with_name(f"{ruta_bd.name}.tmp-{os.getpid()}")


def temporales_huerfanos(ruta_bd: Path) -> list[Path]:
    """Temporales de construcciones anteriores (solo se llama con el candado tomado)."""
    prefijo = ruta_bd.name + ".tmp-"
    return [
        p
        for p in ruta_bd.parent.glob(prefijo + "*")
        if _SUFIJO_TEMPORAL.search(p.name[len(ruta_bd.name) :])
    ]


def limpiar_huerfanos(ruta_bd: Path) -> int:
    """Borra los temporales que dejó una construcción interrumpida; devuelve cuántos."""
    borrados = 0
    for p in temporales_huerfanos(ruta_bd):
        try:
            p.unlink()
            borrados += 1
        except FileNotFoundError:
            pass
    return borrados


def preparar_copia(ruta_bd: Path) -> Path:
    """Copia la base actual (y su WAL si lo hubiera) al temporal; si no hay base, el temporal no existe."""
    tmp = ruta_temporal(ruta_bd)
    for p in (tmp, tmp.with_name(tmp.name + ".wal")):
        p.unlink(missing_ok=True)
    if ruta_bd.exists():
        shutil.copyfile(ruta_bd, tmp)
        wal = ruta_bd.with_name(ruta_bd.name + ".wal")
        if wal.exists():
            shutil.copyfile(wal, tmp.with_name(tmp.name + ".wal"))
    return tmp


class CopiaEnSegundoPlano:
    """`preparar_copia` en un hilo, para que la construcción lea y extraiga mientras se copia la base.

    Apenas termina la copia, el mismo hilo la lleva a disco (fsync): así `publicar` solo espera lo
    que escribió DuckDB y no los gigabytes copiados. Copiar y sincronizar sueltan el GIL.
    """

    def __init__(self, ruta_bd: Path) -> None:
        self.tmp = ruta_temporal(ruta_bd)
        self._copiada = threading.Event()
        self._error: BaseException | None = None
        self._hilo = threading.Thread(target=self._correr, args=(ruta_bd,), name="articula-copia", daemon=True)
        self._hilo.start()

    def _correr(self, ruta_bd: Path) -> None:
        try:
            preparar_copia(ruta_bd)
        except BaseException as e:  # noqa: BLE001 - se vuelve a levantar en quien espera la copia
            self._error = e
            return
        finally:
            self._copiada.set()
        try:
            if self.tmp.exists():
                _fsync_ruta(self.tmp)
        except OSError:
            pass  # solo era un adelanto: `publicar` vuelve a sincronizar

    def esperar(self) -> Path:
        """La ruta del temporal, ya copiado (la sincronización puede seguir en curso)."""
        self._copiada.wait()
        if self._error is not None:
            raise self._error
        return self.tmp

    def terminar(self) -> None:
        """Espera también la sincronización (antes de publicar o descartar el temporal)."""
        self._hilo.join()


def _fsync_ruta(ruta: Path, directorio: bool = False) -> None:
    fd = os.open(ruta, os.O_RDONLY | (os.O_DIRECTORY if directorio else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publicar(tmp: Path, ruta_bd: Path) -> None:
    """Lleva el temporal (ya cerrado y con CHECKPOINT) a disco y lo pone en lugar de la base."""
    _fsync_ruta(tmp)
    os.replace(tmp, ruta_bd)
    _fsync_ruta(ruta_bd.parent, directorio=True)


def descartar(tmp: Path) -> None:
    """Borra el temporal y su WAL (construcción abortada o modo estricto con rechazos)."""
    for p in (tmp, tmp.with_name(tmp.name + ".wal")):
        p.unlink(missing_ok=True)
