"""Departamentos y países de los catálogos, para completar mapas y tablas.

El mapa necesita los 25 departamentos aunque no tengan eventos, y el mapa del
mundo necesita el código ISO3 de cada país. Si faltara el catálogo se usa la
lista fija de departamentos (24 más el Callao).
"""

from __future__ import annotations

from datos.extraccion.catalogos import leer_csv, normalizar

DEPARTAMENTOS_FIJOS: tuple[str, ...] = (
    "Amazonas", "Áncash", "Apurímac", "Arequipa", "Ayacucho", "Cajamarca", "Callao", "Cusco",
    "Huancavelica", "Huánuco", "Ica", "Junín", "La Libertad", "Lambayeque", "Lima", "Loreto",
    "Madre de Dios", "Moquegua", "Pasco", "Piura", "Puno", "San Martín", "Tacna", "Tumbes", "Ucayali",
)  # fmt: skip


def nombre_geo(departamento: str) -> str:
    """`NOMBDEP` del GeoJSON: mayúsculas sin tildes."""
    return normalizar(departamento).upper()


def departamentos() -> tuple[list[str], list[str]]:
    """(departamentos, nombres_geo) en listas paralelas, del catálogo o de la lista fija."""
    filas = [f for f in leer_csv("departamentos") if f.get("departamento")]
    if not filas:
        return list(DEPARTAMENTOS_FIJOS), [nombre_geo(d) for d in DEPARTAMENTOS_FIJOS]
    return [f["departamento"] for f in filas], [f.get("nombre_geo") or nombre_geo(f["departamento"]) for f in filas]


def paises_iso3() -> tuple[list[str], list[str]]:
    """(países, iso3) en listas paralelas, del catálogo de países."""
    filas = [f for f in leer_csv("paises") if f.get("pais") and f.get("iso3")]
    return [f["pais"] for f in filas], [f["iso3"] for f in filas]
