"""Reúne las tablas del informe llamando a las vistas de `consultas/` a través de una función inyectada.

El tablero pasa su `consultar` cacheado; las pruebas y scripts pueden pasar uno directo. Así este módulo no
importa ni consultas/ ni streamlit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from datos.informe.modelo import DatosInforme

Consultar = Callable[..., Any]
MAXIMO_EVENTOS = 1000


def _o_vacia(valor: Any) -> pd.DataFrame:
    return valor if isinstance(valor, pd.DataFrame) else pd.DataFrame()


def recopilar(filtros: Any, consultar: Consultar, maximo_eventos: int = MAXIMO_EVENTOS) -> DatosInforme:
    """`consultar("modulo.funcion", filtros, **kw)` como `paginas._datos.consultar`."""
    serie = _o_vacia(consultar("linea_tiempo.eventos_por_periodo", filtros, granularidad="mes"))
    if not serie.empty:
        serie = serie.groupby("periodo", as_index=False)["eventos"].sum().sort_values("periodo")
    temas = _o_vacia(consultar("temas.temas_por_periodo", filtros, granularidad="anio"))
    if not temas.empty:
        temas = temas.groupby("tema", as_index=False)["eventos"].sum().sort_values("eventos", ascending=False)
    regiones = _o_vacia(consultar("regiones.eventos_por_region", filtros))
    if not regiones.empty:
        regiones = regiones[regiones["eventos"] > 0]
    novedades = consultar("novedades.seccion", filtros, n=10)  # la misma entrada de caché que Resumen
    return DatosInforme(
        descripcion=filtros.descripcion(),
        cifras=_o_vacia(consultar("resumen.cifras", filtros)),
        por_mes=serie,
        regiones=regiones,
        socios=_o_vacia(consultar("resumen.socios_principales", filtros, n=15)),
        pares=_o_vacia(consultar("coparticipacion.pares_principales", filtros, n=15)),
        temas=temas,
        eventos=_o_vacia(consultar("eventos.lista_eventos", filtros, limite=maximo_eventos)),
        total_eventos=int(consultar("eventos.contar_eventos", filtros) or 0),
        novedades_organizaciones=_o_vacia(novedades.organizaciones),
        novedades_pares=_o_vacia(novedades.pares),
        novedades_regiones=_o_vacia(novedades.regiones),
        periodo_novedades=novedades.periodo.texto() if novedades.periodo is not None else "",
    )
