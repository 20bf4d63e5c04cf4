"""Actividad por departamento del Perú y por país del exterior."""

from __future__ import annotations

import pandas as pd

from consultas.ejecucion import tabla
from consultas.filtros import Filtros
from consultas.geografia import departamentos, paises_iso3


def eventos_por_region(f: Filtros) -> pd.DataFrame:
    """region, nombre_geo, eventos, organizaciones, oficinas, ultima_fecha.

    Siempre trae los 25 departamentos (con 0 cuando no hay eventos) para que el
    mapa no tenga huecos; ordenado de más a menos eventos.
    """
    nombres, geo = departamentos()
    return tabla("eventos_por_region", f, [nombres, geo])


def eventos_por_pais(f: Filtros) -> pd.DataFrame:
    """pais, iso3, eventos: solo el exterior (pais distinto de Perú)."""
    paises, iso3 = paises_iso3()
    return tabla("eventos_por_pais", f, [paises, iso3])
