"""Guarda archivos subidos (txt, html, jsonl, csv o un ZIP de ellos) en una carpeta nueva bajo la de datos.

Nada se escribe fuera de esa carpeta: los nombres se reducen a caracteres seguros, y de un ZIP se rechazan
rutas absolutas, `..`, enlaces simbólicos, cifrados, tipos no admitidos y bombas (límites de tamaño
descomprimido total, por archivo, de cantidad de archivos y de tasa de compresión; el tamaño declarado se
comprueba leyendo, no se cree).
"""

from __future__ import annotations

import io
import os
import re
import stat
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from datos.almacen.ruta import ruta_bd
from datos.extraccion.lectura import EXTENSIONES
from datos.extraccion.modelos import Rechazo

MB = 1024 * 1024
NO_ADMITIDO = "Tipo de archivo no admitido"
_INSEGUROS = re.compile(r"[^\w.\- ]+", re.UNICODE)


@dataclass(frozen=True)
class Limites:
    archivo: int = 20 * MB  # cada archivo (subido o dentro del ZIP)
    total: int = 200 * MB  # todo lo subido + todo lo descomprimido
    archivos_zip: int = 5000
    tasa_compresion: int = 200  # descomprimido / comprimido por archivo


LIMITES = Limites()


@dataclass
class Subida:
    carpeta: Path
    guardados: list[Path] = field(default_factory=list)
    rechazos: list[Rechazo] = field(default_factory=list)
    bytes_escritos: int = 0


def carpeta_subidas() -> Path:
    """`ARTICULA_SUBIDAS`, si no `subidas/` junto a la base (para la base por defecto: `datos/subidas/`)."""
    propia = os.environ.get("ARTICULA_SUBIDAS")
    return Path(propia) if propia else ruta_bd().parent / "subidas"


def nombre_seguro(nombre: str) -> str:
    """Solo el último componente, con letras, dígitos, espacio, punto, guion y guion bajo."""
    base = PurePosixPath(nombre.replace("\\", "/")).name
    limpio = _INSEGUROS.sub("_", base).strip(" .")
    return limpio[:150] or "archivo"


def _extension(nombre: str) -> str:
    return Path(nombre).suffix.lower()


def _destino_libre(carpeta: Path, relativa: Path) -> Path:
    destino = carpeta / relativa
    n = 1
    while destino.exists():
        destino = carpeta / relativa.with_name(f"{relativa.stem}_{n}{relativa.suffix}")
        n += 1
    real = os.path.realpath(destino)
    if os.path.commonpath([real, os.path.realpath(carpeta)]) != os.path.realpath(carpeta):
        raise ValueError("ruta fuera de la carpeta de la subida")
    return destino


def _escribir(subida: Subida, relativa: Path, datos: bytes) -> None:
    destino = _destino_libre(subida.carpeta, relativa)
    destino.parent.mkdir(parents=True, exist_ok=True)
    with open(destino, "xb") as f:  # "x": nunca sobrescribe
        f.write(datos)
    subida.guardados.append(destino)
    subida.bytes_escritos += len(datos)


def _ruta_zip(nombre: str) -> Path | None:
    """Ruta relativa segura para un miembro del ZIP, o None si es peligrosa."""
    if nombre.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", nombre):
        return None
    partes = PurePosixPath(nombre.replace("\\", "/")).parts
    if any(p in ("..", "") for p in partes):
        return None
    return Path(*[nombre_seguro(p) for p in partes])


def _leer_miembro(zf: zipfile.ZipFile, info: zipfile.ZipInfo, maximo: int) -> bytes | None:
    """Lee a lo sumo `maximo` bytes; None si el contenido real es mayor (cabecera mentirosa)."""
    partes, leidos = [], 0
    with zf.open(info) as f:
        while True:
            trozo = f.read(1024 * 1024)
            if not trozo:
                break
            leidos += len(trozo)
            if leidos > maximo:
                return None
            partes.append(trozo)
    return b"".join(partes)


def _desde_zip(subida: Subida, nombre_zip: str, datos: bytes, limites: Limites) -> None:
    def rechazar(quien: str, motivo: str, detalle: str = "") -> None:
        subida.rechazos.append(Rechazo(f"{nombre_zip}:{quien}", motivo, detalle))

    try:
        zf = zipfile.ZipFile(io.BytesIO(datos))
        miembros = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        subida.rechazos.append(Rechazo(nombre_zip, "El ZIP está dañado o no es un ZIP", str(e)[:200]))
        return
    if len(miembros) > limites.archivos_zip:
        subida.rechazos.append(Rechazo(nombre_zip, f"El ZIP tiene más de {limites.archivos_zip} archivos",
                                       f"{len(miembros)} archivos"))
        return
    with zf:
        for info in miembros:
            nombre = info.filename
            relativa = _ruta_zip(nombre)
            modo = info.external_attr >> 16
            if relativa is None:
                rechazar(nombre, "Ruta peligrosa dentro del ZIP (absoluta o con '..')")
            elif stat.S_ISLNK(modo):
                rechazar(nombre, "Enlace simbólico dentro del ZIP")
            elif info.flag_bits & 0x1:
                rechazar(nombre, "Archivo cifrado dentro del ZIP")
            elif _extension(nombre) not in EXTENSIONES:
                rechazar(nombre, NO_ADMITIDO + " (use .txt, .html, .jsonl o .csv)")
            elif info.file_size > limites.archivo:
                rechazar(nombre, f"El archivo supera {limites.archivo // MB} MB", f"{info.file_size} bytes")
            elif info.compress_size and info.file_size / info.compress_size > limites.tasa_compresion:
                rechazar(nombre, "Compresión sospechosa (posible bomba ZIP)")
            elif subida.bytes_escritos + info.file_size > limites.total:
                rechazar(nombre, f"Se superó el total permitido de {limites.total // MB} MB descomprimidos")
                break
            else:
                try:
                    contenido = _leer_miembro(zf, info, min(limites.archivo, limites.total - subida.bytes_escritos))
                except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, NotImplementedError) as e:
                    rechazar(nombre, "No se pudo descomprimir", str(e)[:200])
                    continue
                if contenido is None:
                    rechazar(nombre, "El contenido es mayor que lo declarado o que el límite (posible bomba ZIP)")
                    break
                _escribir(subida, Path("zip") / nombre_seguro(Path(nombre_zip).stem) / relativa, contenido)


def guardar(archivos: list[tuple[str, bytes]], base: Path | None = None, limites: Limites = LIMITES) -> Subida:
    """Guarda `(nombre, contenido)` en una carpeta nueva `subidas/AAAAMMDD-HHMMSS-xxxx/` y devuelve qué pasó."""
    raiz = base or carpeta_subidas()
    raiz.mkdir(parents=True, exist_ok=True)
    prefijo = datetime.now().strftime("%Y%m%d-%H%M%S-")
    subida = Subida(Path(tempfile.mkdtemp(prefix=prefijo, dir=raiz)))
    total = 0
    for nombre, datos in archivos:
        limpio = nombre_seguro(nombre)
        total += len(datos)
        extension = _extension(limpio)
        if total > limites.total:
            subida.rechazos.append(Rechazo(limpio, f"Se superó el total permitido de {limites.total // MB} MB"))
        elif extension == ".zip":
            _desde_zip(subida, limpio, datos, limites)
        elif extension not in EXTENSIONES:
            subida.rechazos.append(Rechazo(limpio, NO_ADMITIDO + " (use .txt, .html, .jsonl, .csv o .zip)"))
        elif len(datos) > limites.archivo:
            subida.rechazos.append(Rechazo(limpio, f"El archivo supera {limites.archivo // MB} MB"))
        else:
            _escribir(subida, Path(limpio), datos)
    return subida
