"""Línea base: lo que haría un autor típico de Streamlit con pandas.

Carga una vez la tabla de eventos (con organizaciones y temas) en DataFrames —lo
que `st.cache_data` guardaría— y en cada ejecución de página filtra y agrupa en
pandas (organizaciones "explotadas" y autounión para la co-participación).
Misma salida conceptual que cada vista de `consultas/`, para comparar tiempos.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from consultas import novedades
from consultas.filtros import Filtros
from consultas.geografia import departamentos

LIMITE_LISTA = 1_000
_COLUMNAS = ("region", "pais", "oficina", "tipo_oficina", "tipo_evento")


@dataclass
class Datos:
    """Lo que el autor típico cachearía con `st.cache_data` (todo en memoria del proceso del tablero)."""

    eventos: pd.DataFrame
    eo: pd.DataFrame  # evento_id, organizacion, sigla, tipo, en_catalogo (una fila por participación)
    et: pd.DataFrame  # evento_id, tema
    rechazos: pd.DataFrame


def cargar(ruta_bd: str) -> tuple[Datos, float, int]:
    """Carga las tablas (sin textos de notas); devuelve datos, segundos y bytes en memoria."""
    t0 = time.perf_counter()
    with duckdb.connect(ruta_bd, read_only=True) as con:
        eventos = con.sql(
            "SELECT evento_id, titulo, fecha, anio, mes, oficina, tipo_oficina, pais, region, tipo_evento, url, archivo"
            " FROM eventos"
        ).df()
        eo = con.sql(
            "SELECT eo.evento_id, o.nombre AS organizacion, o.sigla, o.tipo, o.en_catalogo"
            " FROM evento_organizacion eo JOIN organizaciones o USING (organizacion_id)"
        ).df()
        et = con.sql("SELECT evento_id, tema FROM evento_tema").df()
        rechazos = con.sql("SELECT * FROM rechazos").df()
    datos = Datos(eventos, eo, et, rechazos)
    segundos = time.perf_counter() - t0
    memoria = sum(int(d.memory_usage(deep=True).sum()) for d in (eventos, eo, et, rechazos))
    return datos, segundos, memoria


class CacheComoStreamlit:
    """Lo que hace `st.cache_data` con lo cacheado: lo guarda en pickle y en cada llamada devuelve
    `pickle.loads` de esos bytes (ver `streamlit/runtime/caching/cache_data_api.py::read_result`).

    Así cada ejecución de página de la línea base paga su copia, como la paga el autor típico.
    """

    def __init__(self, datos: Datos) -> None:
        self._crudo = pickle.dumps(datos, protocol=pickle.HIGHEST_PROTOCOL)

    def obtener(self) -> Datos:
        """Una copia nueva de los datos, como la que recibe cada llamada a la función cacheada."""
        return pickle.loads(self._crudo)  # noqa: S301 - bytes que este mismo proceso acaba de escribir


def copia_cache(datos: Datos) -> float:
    """Segundos que `st.cache_data` gasta en cada llamada devolviendo una copia (pickle) de lo cacheado."""
    cache = CacheComoStreamlit(datos)
    t0 = time.perf_counter()
    cache.obtener()
    return time.perf_counter() - t0


def filtrar(d: Datos, f: Filtros) -> pd.DataFrame:
    ev = d.eventos
    m = np.ones(len(ev), dtype=bool)
    if f.anio_desde is not None:
        m &= (ev["anio"] >= f.anio_desde).to_numpy(dtype=bool, na_value=False)
    if f.anio_hasta is not None:
        m &= (ev["anio"] <= f.anio_hasta).to_numpy(dtype=bool, na_value=False)
    for campo in _COLUMNAS:
        valores = getattr(f, campo)
        if valores:
            m &= ev[campo].isin(valores).to_numpy()
    if f.organizacion:
        m &= ev["evento_id"].isin(d.eo.loc[d.eo["organizacion"].isin(f.organizacion), "evento_id"]).to_numpy()
    if f.tema:
        m &= ev["evento_id"].isin(d.et.loc[d.et["tema"].isin(f.tema), "evento_id"]).to_numpy()
    return ev[m]


def _eo_de(d: Datos, ef: pd.DataFrame) -> pd.DataFrame:
    return d.eo[d.eo["evento_id"].isin(ef["evento_id"])]


def _cifras(d: Datos, ef: pd.DataFrame) -> dict:
    return {"eventos": len(ef), "organizaciones": _eo_de(d, ef)["organizacion"].nunique(),
            "oficinas": ef["oficina"].nunique(), "regiones": ef["region"].nunique(), "paises": ef["pais"].nunique()}


def _top_otros(df: pd.DataFrame, grupo: str, top: int = 8) -> pd.DataFrame:
    principales = df[grupo].value_counts().nlargest(top).index
    df = df.assign(**{grupo: df[grupo].where(df[grupo].isin(principales), "Otros")})
    return df.groupby(["periodo", grupo]).size().reset_index(name="eventos")


def _lista(d: Datos, ef: pd.DataFrame) -> pd.DataFrame:
    """Como lo haría el autor típico: une nombres de organizaciones y temas por evento y ordena."""
    orgs = _eo_de(d, ef).groupby("evento_id")["organizacion"].agg(lambda s: ", ".join(sorted(s)))
    tms = d.et[d.et["evento_id"].isin(ef["evento_id"])].groupby("evento_id")["tema"].agg(", ".join)
    tabla = ef.merge(orgs.rename("organizaciones"), on="evento_id", how="left")
    tabla = tabla.merge(tms.rename("temas"), on="evento_id", how="left")
    return tabla.sort_values("fecha", ascending=False).head(LIMITE_LISTA)


def _pares(d: Datos, ef: pd.DataFrame) -> pd.DataFrame:
    """Autounión de organizaciones por evento (a < b) y conteo por par."""
    eo = _eo_de(d, ef)[["evento_id", "organizacion"]]
    pares = eo.merge(eo, on="evento_id")
    pares = pares[pares["organizacion_x"] < pares["organizacion_y"]]
    return pares.groupby(["organizacion_x", "organizacion_y"]).size().reset_index(name="eventos")


def _coparticipacion(d: Datos, f: Filtros, org: str) -> Any:
    ef = filtrar(d, f)
    pares = _pares(d, ef)
    principales = pares.nlargest(20, "eventos")
    conteo = _eo_de(d, ef)["organizacion"].value_counts()
    top15, top30 = set(conteo.index[:15]), set(conteo.index[:30])
    matriz = pares[pares["organizacion_x"].isin(top15) & pares["organizacion_y"].isin(top15)]
    matriz = matriz.pivot_table(index="organizacion_x", columns="organizacion_y", values="eventos", fill_value=0)
    aristas = pares[pares["organizacion_x"].isin(top30) & pares["organizacion_y"].isin(top30)]
    socios = pares[(pares["organizacion_x"] == org) | (pares["organizacion_y"] == org)].nlargest(20, "eventos")
    return principales, matriz, aristas, socios


def _con_fecha(ef: pd.DataFrame) -> pd.DataFrame:
    return ef[ef["fecha"].notna()]


def _resumen(d: Datos, f: Filtros, org: str) -> Any:
    ef = filtrar(d, f)
    anterior = f.periodo_anterior()
    cifras = _cifras(d, ef), _cifras(d, filtrar(d, anterior)) if anterior else None
    socios = _eo_de(d, ef).groupby(["organizacion", "sigla", "tipo"], dropna=False).size().nlargest(10)
    serie = _con_fecha(ef).groupby("mes").size()
    ultimos = ef.sort_values("fecha", ascending=False).head(10)
    return cifras, socios, serie, ultimos, _novedades(d, f)


def _novedades(d: Datos, f: Filtros) -> Any:
    """Organizaciones nuevas, pares en alza y regiones sin actividad (la sección «Novedades» de Resumen)."""
    ef = _con_fecha(filtrar(d, f.con(anio_desde=None, anio_hasta=None)))
    if ef.empty:
        return None
    p = novedades.periodo_con_maxima(f, ef["fecha"].max().date())
    desde, hasta = pd.Timestamp(p.desde), pd.Timestamp(p.hasta)
    eo = ef[["evento_id", "fecha"]].merge(d.eo[["evento_id", "organizacion"]], on="evento_id")
    en_periodo = eo["fecha"].between(desde, hasta)
    por_org = pd.DataFrame({"primera_fecha": eo.groupby("organizacion")["fecha"].min(),
                            "eventos": en_periodo.groupby(eo["organizacion"]).sum()})
    nuevas = por_org[por_org["primera_fecha"].between(desde, hasta)].sort_values(
        ["eventos", "primera_fecha"], ascending=[False, True]).head(10)
    recientes = eo[eo["fecha"].between(pd.Timestamp(p.anterior_desde), hasta)]
    pares = recientes.merge(recientes[["evento_id", "organizacion"]], on="evento_id")
    pares = pares[pares["organizacion_x"] < pares["organizacion_y"]]
    pares = pares.assign(actual=pares["fecha"] >= desde).groupby(["organizacion_x", "organizacion_y"])["actual"].agg(
        eventos="sum", total="size")
    pares["alza"] = 2 * pares["eventos"] - pares["total"]  # eventos - eventos_anterior
    en_alza = pares[pares["alza"] > 0].sort_values(["alza", "eventos"], ascending=False).head(10)
    referencia = pd.Timestamp(p.referencia)
    limite = pd.Timestamp(novedades.restar_meses(p.referencia, novedades.MESES_SIN_ACTIVIDAD))
    hasta_ref = ef[ef["fecha"] <= referencia]
    activas = set(hasta_ref.loc[hasta_ref["fecha"] > limite, "region"].dropna())
    nombres, _ = departamentos()
    sin_actividad = [r for r in nombres if r not in activas and (not f.region or r in f.region)]
    return nuevas, en_alza, sin_actividad


def _linea(d: Datos, f: Filtros, org: str) -> Any:
    ef = _con_fecha(filtrar(d, f))
    por_region = _top_otros(ef.assign(periodo=ef["mes"]), "region")
    con_orgs = ef[["evento_id", "fecha"]].merge(d.eo[["evento_id", "organizacion"]], on="evento_id")
    con_orgs["periodo"] = con_orgs["fecha"].dt.to_period("W").dt.start_time
    por_org = _top_otros(con_orgs, "organizacion")
    return por_region, por_org, len(filtrar(d, f)), _lista(d, filtrar(d, f))


def _regiones(d: Datos, f: Filtros, org: str) -> Any:
    ef = filtrar(d, f)
    por_region = ef.groupby("region").agg(eventos=("evento_id", "size"), oficinas=("oficina", "nunique"),
                                           ultima_fecha=("fecha", "max"))
    orgs = ef[["evento_id", "region"]].merge(d.eo[["evento_id", "organizacion"]], on="evento_id")
    por_region["organizaciones"] = orgs.groupby("region")["organizacion"].nunique()
    por_pais = ef[ef["pais"] != "Perú"].groupby("pais").size()
    return por_region, por_pais


def _temas(d: Datos, f: Filtros, org: str) -> Any:
    ef = filtrar(d, f)
    con_temas = ef[["evento_id", "mes", "region"]].merge(d.et, on="evento_id")
    return con_temas.groupby(["mes", "tema"]).size(), con_temas.groupby(["tema", "region"]).size()


def _organizaciones(d: Datos, f: Filtros, org: str) -> Any:
    ef = filtrar(d, f)
    suyos = ef.merge(d.eo[d.eo["organizacion"] == org], on="evento_id")
    perfil = {"eventos": len(suyos), "primera": suyos["fecha"].min(), "ultima": suyos["fecha"].max()}
    linea = _con_fecha(suyos).groupby("mes").size()
    por_region = suyos.groupby("region").size()
    por_tema = suyos[["evento_id"]].merge(d.et, on="evento_id").groupby("tema").size()
    lista = suyos.sort_values("fecha", ascending=False).head(LIMITE_LISTA)
    return perfil, linea, por_region, por_tema, lista


def _explorador(d: Datos, f: Filtros, org: str) -> Any:
    ef = filtrar(d, f)
    return len(ef), _lista(d, ef)


def _calidad(d: Datos, f: Filtros, org: str) -> Any:
    ev = d.eventos
    resumen = {"eventos": len(ev), "sin_fecha": int(ev["fecha"].isna().sum()),
               "sin_region": int(ev["region"].isna().sum()),
               "fuera": d.eo.loc[~d.eo["en_catalogo"].astype(bool), "organizacion"].nunique()}
    ef = filtrar(d, f)
    sin_fecha = ef[ef["fecha"].isna()]
    eo = _eo_de(d, ef)
    fuera = eo[~eo["en_catalogo"].astype(bool)].groupby(["organizacion", "sigla", "tipo"], dropna=False).size()
    return resumen, sin_fecha, fuera, d.rechazos


VISTAS: dict[str, Callable[[Datos, Filtros, str], Any]] = {
    "resumen": _resumen,
    "linea_de_tiempo": _linea,
    "regiones": _regiones,
    "coparticipacion": _coparticipacion,
    "temas": _temas,
    "organizaciones": _organizaciones,
    "explorador": _explorador,
    "calidad": _calidad,
}
