"""Valores que viajan entre los módulos de extracción: un solo lugar para sus formas."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NotaCruda:
    """Una nota tal como se leyó, antes de limpiar y extraer."""

    archivo: str  # ruta tal como se dio (o "ruta#línea" en exportaciones JSONL/CSV)
    texto: str  # cuerpo completo (incluye el encabezado de gob.pe si lo hay)
    formato: str  # txt, html, jsonl, csv
    titulo: str | None = None  # si la fuente lo da aparte (csv/jsonl/html)
    url: str | None = None
    fecha: str | None = None  # fecha declarada por la exportación, texto libre o ISO
    sintetica: bool = False


@dataclass(frozen=True)
class Rechazo:
    """Un archivo o registro que no se pudo leer: el motivo en español para el analista."""

    archivo: str
    motivo: str
    detalle: str = ""


@dataclass(frozen=True)
class Hallazgo:
    """Un valor extraído con la oración de la nota que lo sustenta."""

    valor: str
    evidencia: str


@dataclass(frozen=True)
class OrganizacionHallada:
    nombre: str
    sigla: str | None
    tipo: str | None
    en_catalogo: bool
    mencion: str
    evidencia: str


@dataclass
class Ubicacion:
    oficina: str | None = None
    tipo_oficina: str | None = None
    pais: str | None = None
    region: str | None = None
    evidencia_oficina: str = ""
    evidencia_region: str = ""


@dataclass
class Encabezado:
    tipo_nota: str | None = None
    numero_nota: str | None = None
    fecha_publicacion: str | None = None  # ISO
    evidencia_fecha: str = ""
    extra: dict = field(default_factory=dict)
