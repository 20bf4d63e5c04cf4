"""Eventos a lo largo del tiempo, con o sin desglose por un campo."""

from __future__ import annotations

import pandas as pd

from consultas.ejecucion import tabla
from consultas.filtros import Filtros

# Granularidad del usuario → unidad de `date_trunc` (un valor fijo, enlazado como parámetro).
GRANULARIDADES: dict[str, str] = {"semana": "week", "mes": "month", "anio": "year"}
DESGLOSES: tuple[str, ...] = ("oficina", "region", "tema", "tipo_organizacion", "organizacion", "tipo_evento", "pais")


def unidad(granularidad: str) -> str:
    """Unidad de DuckDB para una granularidad conocida (error claro si no lo es)."""
    try:
        return GRANULARIDADES[granularidad]
    except KeyError:
        raise ValueError(f"Granularidad desconocida: {granularidad!r}") from None


def eventos_por_periodo(
    f: Filtros, granularidad: str = "mes", desglose: str | None = None, top: int = 8
) -> pd.DataFrame:
    """periodo (primer día), grupo, eventos. Sin desglose el grupo es "Todos".

    Más allá de los `top` grupos con más eventos todo se suma en "Otros"; los
    eventos sin fecha quedan fuera (Calidad de datos los cuenta). En los
    desgloses multivaluados (tema, organización, tipo de organización) un evento
    cuenta en cada grupo en que aparece; en "Otros" cuenta una vez, salvo por
    organización, donde "Otros" suma participaciones (por rendimiento). Los
    eventos sin organización o sin tema no aparecen en esos desgloses.
    """
    if desglose is None:
        return tabla("eventos_por_periodo", f, [unidad(granularidad)])
    if desglose not in DESGLOSES:
        raise ValueError(f"Desglose desconocido: {desglose!r}")
    return tabla(f"eventos_por_periodo_{desglose}", f, [unidad(granularidad), max(1, int(top))])
