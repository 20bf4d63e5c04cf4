"""Perfil de una organización: su ficha, su actividad en el tiempo, dónde, en qué temas y sus eventos.

`panorama` da todo lo de la página desde el mart organizacion_evento, ordenado por organización: cada
parte lee solo los bloques de la organización elegida (y sus textos, juntos), no las tablas enteras.
Si la base no trae el mart, consultas/conexion.py ofrece una vista equivalente (más lenta).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import replace as dataclasses_replace
from typing import Any

import pandas as pd

from consultas.conexion import cursor_del_hilo
from consultas.ejecucion import preparar, tabla
from consultas.filtros import Filtros
from consultas.linea_tiempo import unidad


def perfil(f: Filtros, organizacion: str) -> dict[str, Any]:
    """nombre, sigla, tipo, en_catalogo, eventos, primera_fecha, ultima_fecha; `{}` si no existe."""
    return _ficha(tabla("perfil_organizacion", f, [organizacion, organizacion]))


def _ficha(resultado: pd.DataFrame) -> dict[str, Any]:
    if resultado.empty:
        return {}
    fila = resultado.iloc[0].to_dict()
    fila["eventos"] = int(fila["eventos"])
    fila["en_catalogo"] = bool(fila["en_catalogo"])
    for campo in ("primera_fecha", "ultima_fecha"):
        fila[campo] = None if pd.isna(fila[campo]) else pd.Timestamp(fila[campo]).date()
    for campo in ("sigla", "tipo"):
        if pd.isna(fila[campo]):
            fila[campo] = None
    return fila


def linea_organizacion(f: Filtros, organizacion: str, granularidad: str = "mes") -> pd.DataFrame:
    """periodo, eventos de la organización (eventos con fecha)."""
    return tabla("linea_organizacion", f, [unidad(granularidad), organizacion])


def regiones_organizacion(f: Filtros, organizacion: str) -> pd.DataFrame:
    """region, eventos ("Exterior" para el extranjero, "Sin dato" si no se sabe)."""
    return tabla("regiones_organizacion", f, [organizacion])


def temas_organizacion(f: Filtros, organizacion: str) -> pd.DataFrame:
    """tema, eventos de la organización."""
    return tabla("temas_organizacion", f, [organizacion])


def eventos_organizacion(f: Filtros, organizacion: str, limite: int | None = None) -> pd.DataFrame:
    """evento_id, fecha, titulo, oficina, region, mencion, evidencia: del más reciente al más antiguo."""
    return tabla("eventos_organizacion", f, [organizacion, None if limite is None else max(0, int(limite))])


@dataclass(frozen=True)
class Panorama:
    """Lo que muestra la página Organizaciones; cada campo es igual al de su función suelta."""

    perfil: dict[str, Any]
    linea: pd.DataFrame
    regiones: pd.DataFrame
    temas: pd.DataFrame
    socios: pd.DataFrame
    eventos: pd.DataFrame


def panorama(
    f: Filtros, organizacion: str, granularidad: str = "mes", limite: int | None = 500, n_socios: int = 15
) -> Panorama:
    """perfil, linea_organizacion, regiones_organizacion, temas_organizacion, socios_de y eventos_organizacion
    de una vez, desde el mart organizacion_evento (solo los bloques de la organización)."""
    from consultas.coparticipacion import socios_de

    organizacion = str(organizacion)
    limite = None if limite is None else max(0, int(limite))
    c = cursor_del_hilo()
    org_id, nombre, sigla, tipo, en_catalogo, temas_sin_bit, elegidos_sin_bit, mascara = c.execute(
        *preparar("organizacion_id_y_bits", None, [organizacion, list(f.tema)])).fetchone()
    # El filtro de tema es una prueba de bits en la misma lectura del mart; la mascara se calcula una vez
    # (preparar la buscaría en cada consulta). Si algún tema elegido no tiene bit, semi-join de siempre.
    por_bits = not (f.tema and elegidos_sin_bit)
    sin_tema = f.con(tema=()) if por_bits else f
    bits = [not (f.tema and por_bits), int(mascara)]

    def df(nombre_sql: str, antes: list, despues: list = ()) -> pd.DataFrame:
        sql, params = preparar(nombre_sql, sin_tema, [*antes, *bits, *despues])
        return c.execute(sql, params).df()

    regiones = df("organizacion_regiones_mart", [org_id])
    perfil = {} if org_id is None else _ficha(pd.DataFrame([{
        "nombre": nombre, "sigla": sigla, "tipo": tipo, "en_catalogo": en_catalogo,
        "eventos": regiones["eventos"].sum(),
        "primera_fecha": regiones["primera_fecha"].min(), "ultima_fecha": regiones["ultima_fecha"].max(),
    }]))
    resultado = Panorama(
        perfil=perfil,
        linea=df("organizacion_linea_mart", [unidad(granularidad), org_id]),
        regiones=regiones[["region", "eventos"]],
        temas=(df("organizacion_temas_mart", [org_id]) if not temas_sin_bit
               else temas_organizacion(f, organizacion)),
        # Sin filtros, los socios salen del mart par_resumen (más barato aún).
        socios=pd.DataFrame() if f.es_vacio() else df("organizacion_socios_mart", [org_id],
                                                      [org_id, max(0, int(n_socios))]),
        eventos=df("organizacion_lista_mart", [org_id], [limite, org_id]),
    )
    if f.es_vacio():
        resultado = dataclasses_replace(resultado, socios=socios_de(f, organizacion, n_socios))
    return resultado

