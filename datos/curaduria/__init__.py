"""Curaduría del catálogo de organizaciones: decisiones del analista, sugerencias y reextracción dirigida.

Cada decisión (agregar, alias, ignorar, deshacer) se escribe en `catalogos/*.csv`, queda en la
bitácora `catalogos/cambios.csv` y reextrae solo las notas afectadas en la base.
"""

from datos.curaduria.cambios import Cambio, leer_cambios
from datos.curaduria.catalogo import ErrorCatalogo, ignoradas, organizaciones_catalogo
from datos.curaduria.decisiones import Resultado, agregar, alias, deshacer, ignorar
from datos.curaduria.sugerencias import Sugerencia, puntaje, sugerencias

__all__ = [
    "Cambio",
    "ErrorCatalogo",
    "Resultado",
    "Sugerencia",
    "agregar",
    "alias",
    "deshacer",
    "ignorar",
    "ignoradas",
    "leer_cambios",
    "organizaciones_catalogo",
    "puntaje",
    "sugerencias",
]
