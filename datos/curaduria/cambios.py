"""Bitácora fechada de decisiones (`catalogos/cambios.csv`): solo se agregan filas, nunca se borran.

Deshacer no borra la fila original: agrega una fila `deshacer` que la señala.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, fields
from datetime import datetime

from datos.curaduria.catalogo import escribir_lineas, leer_lineas, ruta

ARCHIVO_CAMBIOS = "cambios.csv"
ACCIONES = ("agregar", "alias", "ignorar", "deshacer")
ETIQUETAS = {
    "agregar": "Agregada como nueva",
    "alias": "Agregada como alias",
    "ignorar": "Ignorada",
    "deshacer": "Deshecho",
}


@dataclass
class Cambio:
    id: int
    fecha: str  # ISO, hora local
    accion: str
    nombre: str
    tipo: str = ""
    sigla: str = ""
    destino: str = ""  # alias: organización canónica a la que se agrega
    alias_previos: str = ""  # agregar: alias que tenía la fila al deshacerla (para restaurar)
    notas: int = 0  # notas reextraídas
    deshace: int | None = None
    deshecho: bool = False  # calculado al leer: algún `deshacer` posterior lo señala

    def descripcion(self) -> str:
        if self.accion == "agregar":
            return f"«{self.nombre}» agregada al catálogo ({self.tipo})"
        if self.accion == "alias":
            return f"«{self.nombre}» como alias de «{self.destino}»"
        if self.accion == "ignorar":
            return f"«{self.nombre}» ignorada"
        return f"Deshace el cambio n.º {self.deshace}: {self.nombre}"


_COLUMNAS = [f.name for f in fields(Cambio) if f.name != "deshecho"]


def leer_cambios() -> list[Cambio]:
    """Todos los cambios, del más antiguo al más reciente, con `deshecho` calculado."""
    camino = ruta(ARCHIVO_CAMBIOS)
    if not camino.is_file():
        return []
    with camino.open(encoding="utf-8-sig", newline="") as f:
        filas = list(csv.DictReader(f))
    cambios = []
    for fila in filas:
        try:
            cambios.append(
                Cambio(
                    id=int(fila["id"]),
                    fecha=fila.get("fecha", ""),
                    accion=fila.get("accion", ""),
                    nombre=fila.get("nombre", ""),
                    tipo=fila.get("tipo", ""),
                    sigla=fila.get("sigla", ""),
                    destino=fila.get("destino", ""),
                    alias_previos=fila.get("alias_previos", ""),
                    notas=int(fila.get("notas") or 0),
                    deshace=int(fila["deshace"]) if fila.get("deshace") else None,
                )
            )
        except (KeyError, ValueError):
            continue  # una fila editada a mano y rota no impide leer las demás
    deshechos = {c.deshace for c in cambios if c.accion == "deshacer"}
    for c in cambios:
        c.deshecho = c.id in deshechos
    return cambios


def registrar(accion: str, nombre: str, **datos: object) -> Cambio:
    """Agrega una fila a la bitácora con la fecha y hora actuales y la devuelve."""
    previos = leer_cambios()
    cambio = Cambio(
        id=max((c.id for c in previos), default=0) + 1,
        fecha=datetime.now().isoformat(timespec="seconds"),
        accion=accion,
        nombre=nombre,
        **datos,  # type: ignore[arg-type]
    )
    camino = ruta(ARCHIVO_CAMBIOS)
    lineas, formato = leer_lineas(camino)
    if not lineas:
        lineas = [",".join(_COLUMNAS)]
    fila = {k: v for k, v in asdict(cambio).items() if k in _COLUMNAS}
    fila["deshace"] = "" if cambio.deshace is None else cambio.deshace
    buffer = io.StringIO()
    csv.DictWriter(buffer, _COLUMNAS, lineterminator="").writerow(fila)
    lineas.append(buffer.getvalue())
    escribir_lineas(camino, lineas, formato)
    return cambio
