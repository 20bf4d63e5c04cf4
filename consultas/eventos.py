"""La tabla de eventos filtrados y el detalle de un evento con sus evidencias."""

from __future__ import annotations

from typing import Any

import pandas as pd

from consultas.conexion import cargar_sql, cursor
from consultas.ejecucion import filas, tabla
from consultas.filtros import Filtros


def lista_eventos(f: Filtros, limite: int | None = None) -> pd.DataFrame:
    """Un evento por fila, del más reciente al más antiguo (los sin fecha al final).

    organizaciones, temas y espacios son textos con los nombres separados por
    ", " en orden alfabético. `limite=None` trae todos (para descargas).
    """
    return tabla("lista_eventos", f, [None if limite is None else max(0, int(limite))])


def contar_eventos(f: Filtros) -> int:
    """Cuántos eventos cumplen los filtros."""
    return int(filas("contar_eventos", f)[0][0])


def detalle_evento(evento_id: int) -> dict[str, Any]:
    """Todos los campos del evento más `texto` (la nota); `{}` si no existe."""
    with cursor() as c:
        resultado = c.execute(cargar_sql("detalle_evento"), [int(evento_id)])
        fila = resultado.fetchone()
        if fila is None:
            return {}
        columnas = [d[0] for d in resultado.description]
    return dict(zip(columnas, fila, strict=True))


def evidencias_evento(evento_id: int) -> pd.DataFrame:
    """campo, valor, evidencia: una fila por dato extraído (fechas, lugar, tipo, organizaciones, temas, espacios)."""
    return tabla("evidencias_evento", None, [int(evento_id)] * 8)
