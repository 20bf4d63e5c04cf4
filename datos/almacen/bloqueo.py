"""Un candado por base: dos construcciones a la vez sobre la misma base no pueden pisarse.

Usa `flock` sobre `<base>.lock`: el núcleo lo suelta solo si el proceso muere
(incluso con SIGKILL), así que un candado nunca queda huérfano.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


class ConstruccionEnCurso(RuntimeError):
    """Otra construcción tiene tomada la base."""


def ruta_candado(ruta_bd: Path) -> Path:
    return ruta_bd.with_name(ruta_bd.name + ".lock")


class Candado:
    """Context manager: toma el candado sin esperar o levanta `ConstruccionEnCurso`."""

    def __init__(self, ruta_bd: Path) -> None:
        self.ruta = ruta_candado(ruta_bd)
        self._fd: int | None = None

    def __enter__(self) -> Candado:
        fd = os.open(self.ruta, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            dueño = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            os.close(fd)
            quien = f" (proceso {dueño})" if dueño else ""
            raise ConstruccionEnCurso(
                f"Otra construcción está en curso sobre {self.ruta.with_suffix('')}{quien}. "
                "Espere a que termine y vuelva a intentarlo."
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
