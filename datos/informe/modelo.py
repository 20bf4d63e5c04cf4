"""Lo que entra al informe: tablas ya consultadas, sin saber de dónde vienen (así datos/ no depende de consultas/)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd


def _vacia() -> pd.DataFrame:
    return pd.DataFrame()


@dataclass
class DatosInforme:
    descripcion: str  # los filtros en palabras ("Región: Tumbes · Años: 2023–2024")
    cifras: pd.DataFrame = field(default_factory=_vacia)  # una fila: eventos, organizaciones, oficinas, ...
    por_mes: pd.DataFrame = field(default_factory=_vacia)  # periodo, eventos
    regiones: pd.DataFrame = field(default_factory=_vacia)  # region, eventos, organizaciones, ultima_fecha
    socios: pd.DataFrame = field(default_factory=_vacia)  # organizacion, sigla, tipo, eventos
    pares: pd.DataFrame = field(default_factory=_vacia)  # organizacion_a, organizacion_b, eventos
    temas: pd.DataFrame = field(default_factory=_vacia)  # tema, eventos
    eventos: pd.DataFrame = field(default_factory=_vacia)  # fecha, titulo, oficina, region, organizaciones, url
    total_eventos: int = 0
    novedades_organizaciones: pd.DataFrame = field(default_factory=_vacia)
    novedades_pares: pd.DataFrame = field(default_factory=_vacia)
    novedades_regiones: pd.DataFrame = field(default_factory=_vacia)
    periodo_novedades: str = ""
    generado: dt.datetime = field(default_factory=dt.datetime.now)
