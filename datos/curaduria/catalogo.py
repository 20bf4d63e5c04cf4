"""Lectura y escritura del catálogo de organizaciones y de la lista de ignoradas.

Se edita línea por línea (no se reescribe todo el CSV): así el diff que ve el analista en git
muestra solo lo que decidió. Cada escritura va a un temporal que reemplaza al archivo (`os.replace`).
"""

from __future__ import annotations

import csv
import fcntl
import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from datos.extraccion import catalogos
from datos.extraccion.organizaciones import TIPOS

ARCHIVO_ORGANIZACIONES = "organizaciones.csv"
ARCHIVO_IGNORADAS = "ignoradas.csv"
COLUMNAS_ORGANIZACIONES = ("nombre", "sigla", "tipo", "alias")
COLUMNAS_IGNORADAS = ("nombre", "fecha")
LARGO_MAXIMO = 200
_PROHIBIDOS = re.compile(r"[\x00-\x1f\x7f|]")


class ErrorCatalogo(ValueError):
    """Una decisión que no se puede aplicar: el mensaje, en español, es para el analista."""


@dataclass
class Fila:
    """Una organización del catálogo con la línea del archivo de donde salió."""

    nombre: str
    sigla: str = ""
    tipo: str = ""
    alias: list[str] = field(default_factory=list)
    linea: int = -1

    def formas(self) -> list[str]:
        return [self.nombre, *([self.sigla] if self.sigla else []), *self.alias]

    def a_csv(self) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="").writerow([self.nombre, self.sigla, self.tipo, "|".join(self.alias)])
        return buffer.getvalue()


def ruta(nombre: str) -> Path:
    return catalogos.carpeta() / nombre


def clave(texto: str) -> str:
    """Forma de comparación: minúsculas, sin tildes, espacios colapsados."""
    return catalogos.normalizar(texto)


def validar_nombre(texto: str, que: str = "El nombre") -> str:
    """Limpia espacios y rechaza lo que rompería el CSV o una hoja de cálculo."""
    limpio = " ".join((texto or "").split())
    if not limpio:
        raise ErrorCatalogo(f"{que} está vacío.")
    if len(limpio) > LARGO_MAXIMO:
        raise ErrorCatalogo(f"{que} es demasiado largo (más de {LARGO_MAXIMO} caracteres).")
    if _PROHIBIDOS.search(limpio):
        raise ErrorCatalogo(f"{que} no puede contener '|' ni caracteres de control.")
    if not limpio[0].isalnum():
        raise ErrorCatalogo(f"{que} debe empezar con una letra o un número.")
    return limpio


def validar_tipo(tipo: str) -> str:
    if tipo not in TIPOS:
        raise ErrorCatalogo(f"Tipo de organización desconocido: {tipo!r}. Use uno de: {', '.join(TIPOS)}.")
    return tipo


@dataclass(frozen=True)
class Formato:
    """BOM y fin de línea del archivo tal como estaba: se respetan al reescribirlo."""

    bom: bool = False
    salto: str = "\n"


def leer_lineas(camino: Path) -> tuple[list[str], Formato]:
    if not camino.is_file():
        return [], Formato()
    datos = camino.read_bytes()
    texto = datos.decode("utf-8-sig")
    formato = Formato(datos.startswith(b"\xef\xbb\xbf"), "\r\n" if "\r\n" in texto[:4096] else "\n")
    return texto.splitlines(), formato


def escribir_lineas(camino: Path, lineas: list[str], formato: Formato = Formato()) -> None:
    temporal = camino.with_name(f".{camino.name}.tmp-{os.getpid()}")
    texto = formato.salto.join(lineas) + formato.salto
    temporal.write_bytes((b"\xef\xbb\xbf" if formato.bom else b"") + texto.encode("utf-8"))
    os.replace(temporal, camino)
    catalogos.limpiar_cache()


def organizaciones_catalogo() -> list[Fila]:
    """Las organizaciones del catálogo en uso, con el número de línea de cada una."""
    lineas, _ = leer_lineas(ruta(ARCHIVO_ORGANIZACIONES))
    filas = []
    for i, linea in enumerate(lineas[1:], start=1):
        if not linea.strip():
            continue
        valores = next(csv.reader([linea]))
        valores += [""] * (4 - len(valores))
        nombre, sigla, tipo, alias = (v.strip() for v in valores[:4])
        if nombre:
            filas.append(Fila(nombre, sigla, tipo, catalogos.dividir_lista(alias), i))
    return filas


def buscar(nombre: str) -> Fila | None:
    """La fila cuyo nombre canónico es `nombre` (sin distinguir mayúsculas ni tildes)."""
    k = clave(nombre)
    return next((f for f in organizaciones_catalogo() if clave(f.nombre) == k), None)


def duenio_de(forma: str) -> Fila | None:
    """La organización del catálogo que ya usa `forma` como nombre, sigla o alias."""
    k = clave(forma)
    return next((f for f in organizaciones_catalogo() if any(clave(x) == k for x in f.formas())), None)


def agregar_fila(fila: Fila) -> None:
    camino = ruta(ARCHIVO_ORGANIZACIONES)
    lineas, formato = leer_lineas(camino)
    if not lineas:
        lineas = [",".join(COLUMNAS_ORGANIZACIONES)]
    while lineas and not lineas[-1].strip():
        lineas.pop()
    lineas.append(fila.a_csv())
    escribir_lineas(camino, lineas, formato)


def reemplazar_fila(fila: Fila) -> None:
    """Reescribe la línea de `fila` (misma posición) con sus valores actuales."""
    camino = ruta(ARCHIVO_ORGANIZACIONES)
    lineas, formato = leer_lineas(camino)
    lineas[fila.linea] = fila.a_csv()
    escribir_lineas(camino, lineas, formato)


def quitar_fila(fila: Fila) -> None:
    camino = ruta(ARCHIVO_ORGANIZACIONES)
    lineas, formato = leer_lineas(camino)
    del lineas[fila.linea]
    escribir_lineas(camino, lineas, formato)


def ignoradas() -> list[str]:
    """Nombres que el analista decidió no revisar más (siguen en los datos, fuera de catálogo)."""
    return [f["nombre"] for f in catalogos.leer_csv(ARCHIVO_IGNORADAS) if f.get("nombre")]


def agregar_ignorada(nombre: str) -> None:
    camino = ruta(ARCHIVO_IGNORADAS)
    lineas, formato = leer_lineas(camino)
    if not lineas:
        lineas = [",".join(COLUMNAS_IGNORADAS)]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="").writerow([nombre, datetime.now().isoformat(timespec="seconds")])
    lineas.append(buffer.getvalue())
    escribir_lineas(camino, lineas, formato)


def quitar_ignorada(nombre: str) -> bool:
    camino = ruta(ARCHIVO_IGNORADAS)
    lineas, formato = leer_lineas(camino)
    k = clave(nombre)
    for i, linea in enumerate(lineas[1:], start=1):
        valores = next(csv.reader([linea]), [""])
        if valores and clave(valores[0]) == k:
            del lineas[i]
            escribir_lineas(camino, lineas, formato)
            return True
    return False


@contextmanager
def candado() -> Iterator[None]:
    """Serializa las decisiones (varias sesiones del tablero o la CLI a la vez) con `flock`."""
    carpeta = catalogos.carpeta()
    fd = os.open(carpeta / ".curaduria.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def version() -> tuple:
    """Cambia cuando cambia el catálogo o la lista de ignoradas (clave de caché del tablero)."""
    firmas = []
    for nombre in (ARCHIVO_ORGANIZACIONES, ARCHIVO_IGNORADAS):
        try:
            estado = ruta(nombre).stat()
            firmas.append((estado.st_ino, estado.st_mtime_ns, estado.st_size))
        except OSError:
            firmas.append(())
    return (str(catalogos.carpeta()), *firmas)
