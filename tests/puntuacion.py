"""Puntuación de la extracción contra las anotaciones (reglas de docs/ANOTACION.md).

- El texto se compara en minúsculas, sin tildes y con espacios colapsados.
- Una organización extraída coincide con una anotada cuando su nombre o su sigla es
  igual a uno de los `alias` de la anotada.
- Cobertura (recall): organizaciones requeridas halladas / requeridas.
- Precisión: extraídas que coinciden con alguna anotada (requerida o no) / extraídas.
- Fechas iguales; `region` y `pais` iguales; `oficina` nombra el mismo lugar o misión.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from datos.extraccion.catalogos import normalizar

CAMPOS_EXACTOS = ("fecha_publicacion", "fecha_evento", "region", "pais")


def _n(valor: object) -> str:
    return normalizar(str(valor)) if valor is not None else ""


def coincide(extraida: dict, anotada: dict) -> bool:
    """¿La organización extraída (nombre o sigla) es uno de los alias de la anotada?"""
    alias = {_n(a) for a in anotada.get("alias") or []}
    alias.discard("")
    candidatos = {_n(extraida.get("nombre")), _n(extraida.get("sigla"))}
    candidatos.discard("")
    return bool(alias & candidatos)


_SEDE = {"sede central", "sede central lima", "lima", "cancilleria", "ministerio de relaciones exteriores",
         "ministerio de relaciones exteriores del peru", "torre tagle", "palacio de torre tagle"}
_PREFIJOS_MISION = re.compile(
    r"^(?:consulado general|consulado|seccion consular|embajada|mision permanente|representacion permanente)"
    r"(?: del peru)? (?:en|ante) (?:el |la |los )?"
)
_PREFIJOS_OFICINA = re.compile(
    r"^(?:cancilleria|oficina desconcentrada(?: del ministerio de relaciones exteriores)?(?: de la cancilleria)?)"
    r"(?: (?:en|de))? "
)


def lugar_oficina(oficina: str | None) -> tuple[str, str] | None:
    """(clase, lugar) de una oficina: ('sede', ''), ('mision', 'houston'), ('desconcentrada', 'tumbes')."""
    texto = _n(oficina)
    if not texto:
        return None
    if texto in _SEDE:
        return ("sede", "")
    m = _PREFIJOS_MISION.match(texto)
    if m:
        return ("mision", texto[m.end() :])
    m = _PREFIJOS_OFICINA.match(texto)
    if m:
        return ("desconcentrada", texto[m.end() :])
    return ("otra", texto)


def misma_oficina(a: str | None, b: str | None) -> bool:
    """¿Las dos oficinas nombran el mismo lugar o misión? ("Consulado General del Perú en X" = "Consulado en X")."""
    if a is None or b is None:
        return a is None and b is None
    return lugar_oficina(a) == lugar_oficina(b)


@dataclass
class PuntajeNota:
    archivo: str
    requeridas: int = 0
    requeridas_halladas: int = 0
    extraidas: int = 0
    extraidas_correctas: int = 0
    faltantes: list[str] = field(default_factory=list)  # requeridas no halladas
    sobrantes: list[str] = field(default_factory=list)  # extraídas que no coinciden con ninguna anotada
    campos_errados: dict[str, tuple[object, object]] = field(default_factory=dict)  # campo -> (extraído, anotado)


def puntuar_nota(extraida: dict, anotada: dict) -> PuntajeNota:
    """Compara una nota extraída con su anotación."""
    p = PuntajeNota(archivo=str(anotada.get("archivo", "")))
    orgs_ext = extraida.get("organizaciones") or []
    orgs_anot = anotada.get("organizaciones") or []
    for anot in orgs_anot:
        if anot.get("requerida", True):
            p.requeridas += 1
            if any(coincide(e, anot) for e in orgs_ext):
                p.requeridas_halladas += 1
            else:
                p.faltantes.append(str(anot.get("nombre")))
    for ext in orgs_ext:
        p.extraidas += 1
        if any(coincide(ext, anot) for anot in orgs_anot):
            p.extraidas_correctas += 1
        else:
            p.sobrantes.append(str(ext.get("nombre")))
    for campo in CAMPOS_EXACTOS:
        if _n(extraida.get(campo)) != _n(anotada.get(campo)):
            p.campos_errados[campo] = (extraida.get(campo), anotada.get(campo))
    if not misma_oficina(extraida.get("oficina"), anotada.get("oficina")):
        p.campos_errados["oficina"] = (extraida.get("oficina"), anotada.get("oficina"))
    return p


@dataclass
class PuntajeCorpus:
    notas: list[PuntajeNota]

    @property
    def cobertura(self) -> float:
        """Micro-promedio: requeridas halladas / requeridas (1.0 si no hay requeridas)."""
        total = sum(n.requeridas for n in self.notas)
        return sum(n.requeridas_halladas for n in self.notas) / total if total else 1.0

    @property
    def precision(self) -> float:
        """Micro-promedio: extraídas correctas / extraídas (1.0 si no se extrajo nada)."""
        total = sum(n.extraidas for n in self.notas)
        return sum(n.extraidas_correctas for n in self.notas) / total if total else 1.0

    def detalle_organizaciones(self) -> str:
        lineas = []
        for n in self.notas:
            if n.faltantes or n.sobrantes:
                lineas.append(f"{n.archivo}: faltan {n.faltantes}; sobran {n.sobrantes}")
        return "\n".join(lineas)

    def detalle_campos(self) -> str:
        return "\n".join(
            f"{n.archivo}: {campo} extraído={ext!r} anotado={anot!r}"
            for n in self.notas
            for campo, (ext, anot) in n.campos_errados.items()
        )


def puntuar(pares: list[tuple[dict, dict]]) -> PuntajeCorpus:
    """Puntúa pares (extraída, anotada)."""
    return PuntajeCorpus([puntuar_nota(e, a) for e, a in pares])
