"""Lo que la página Calidad de datos muestra: rechazos, notas sin fecha, organizaciones fuera de catálogo."""

from __future__ import annotations

import pandas as pd

from consultas.ejecucion import tabla
from consultas.filtros import Filtros


def rechazos() -> pd.DataFrame:
    """archivo, motivo, detalle, momento: lo que no se pudo cargar y por qué."""
    return tabla("rechazos")


def notas_sin_fecha(f: Filtros) -> pd.DataFrame:
    """evento_id, titulo, archivo, url de los eventos sin fecha (no aparecen en la línea de tiempo)."""
    return tabla("notas_sin_fecha", f)


def fuera_de_catalogo(f: Filtros) -> pd.DataFrame:
    """organizacion, sigla, tipo, notas, ejemplo (oración de la primera nota que la nombra)."""
    return tabla("fuera_de_catalogo", f)


def resumen_calidad() -> pd.DataFrame:
    """Una fila: notas, eventos, sin_fecha, sin_region, organizaciones_fuera_catalogo, rechazos, ultima_construccion."""
    return tabla("resumen_calidad")
