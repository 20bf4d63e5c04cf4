"""Estilo común de los gráficos y lo que acompaña a cada uno: leyenda de filtros y sus datos descargables.

Todo se dibuja con plotly sin recursos de internet (sin mosaicos ni topojson de CDN) y con las etiquetas de
tiempo formateadas aquí, en español, en lugar de depender del locale de plotly.js.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from consultas import exportar
from consultas.filtros import Filtros
from paginas import _filtros
from paginas import _formato as formato

COLORES = (
    "#B3261E", "#1F5F8B", "#E39B2D", "#3C8D5A", "#7A4E9E",
    "#2AA3A3", "#C2577F", "#8A6D3B", "#5B6770", "#9DB34A", "#B0B7BE",
)
ESCALA = [[0.0, "#FCE9E7"], [0.35, "#F2A196"], [0.7, "#D2483A"], [1.0, "#7F1D16"]]
CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["lasso2d", "autoScale2d"]}
FUENTE = "Fuente: notas de prensa de la Cancillería del Perú (Articula)."
SIN_EVENTOS = "No hay eventos que coincidan con los filtros."
PLANTILLA = "plotly_white"
# La plantilla va como la de omisión del proceso y no en `estilo`: `update_layout(template=...)` valida y copia la
# plantilla entera en cada gráfico (15 ms de 23 por llamada en la máquina lenta); la de omisión se asigna al crear
# la figura sin validarla de nuevo. El JSON que llega al navegador es el mismo.
pio.templates.default = PLANTILLA


def estilo(fig: go.Figure, alto: int = 420, leyenda: bool = True) -> go.Figure:
    """Aspecto común: fondo blanco (`PLANTILLA`), tipografía legible, separadores de miles con coma, leyenda arriba."""
    fig.update_layout(
        height=alto,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        separators=".,",
        colorway=list(COLORES),
        font={"size": 13},
        hoverlabel={"bgcolor": "white", "font_size": 13},
        showlegend=leyenda,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0, "title": None},
    )
    return fig


def marcas_de_tiempo(periodos: Iterable[Any], granularidad: str = "mes", maximo: int = 10) -> list[pd.Timestamp]:
    """Marcas espaciadas de forma pareja en el tiempo (1, 2, 3, 6, 12, 24... meses), a lo más `maximo`."""
    valores = sorted({pd.Timestamp(p) for p in periodos if not pd.isna(p)})
    if not valores:
        return []
    inicio, fin = valores[0], valores[-1]
    if granularidad == "anio":
        anios = list(range(inicio.year, fin.year + 1))
        paso = max(1, -(-len(anios) // maximo))
        return [pd.Timestamp(year=a, month=1, day=1) for a in anios[::paso]]
    meses = (fin.year - inicio.year) * 12 + fin.month - inicio.month + 1
    paso = next((p for p in (1, 2, 3, 6, 12, 24, 36, 60, 120) if meses / p <= maximo), 120)
    primero = pd.Timestamp(year=inicio.year, month=1, day=1)
    marcas = []
    actual = primero
    while actual <= fin:
        if actual >= inicio - pd.Timedelta(days=31):
            marcas.append(actual)
        mes = actual.month - 1 + paso
        actual = pd.Timestamp(year=actual.year + mes // 12, month=mes % 12 + 1, day=1)
    return marcas or [inicio]


def eje_tiempo(fig: go.Figure, periodos: Iterable[Any], granularidad: str = "mes", eje: str = "x") -> go.Figure:
    """Marcas del eje de tiempo con meses en español ('dic 2023'), parejas en el tiempo y sin encimarse."""
    marcas = marcas_de_tiempo(periodos, granularidad)
    if not marcas:
        return fig
    anual = granularidad == "anio" or (
        len(marcas) > 1 and all(m.month == 1 for m in marcas) and (marcas[1] - marcas[0]).days > 300)
    texto = [formato.etiqueta_eje(v, "anio" if anual else "mes") for v in marcas]
    actualizar = fig.update_xaxes if eje == "x" else fig.update_yaxes
    actualizar(tickmode="array", tickvals=marcas, ticktext=texto, title=None, tickangle=0)
    return fig


# Un mapa de calor con más celdas que esto no escribe la cifra en cada una (queda al pasar el mouse y en «Datos del
# gráfico»): a un millón, Temas por departamento tiene 15 × 25 = 375 y escribirlas costaba ~0,3 s por clic.
CELDAS_CON_CIFRA = 120


def cifras_en_celdas(filas: int, columnas: int) -> dict[str, Any]:
    """Opciones de go.Heatmap: la cifra escrita en cada celda si caben pocas, nada si son muchas."""
    return {"texttemplate": "%{z:,.0f}"} if filas * columnas <= CELDAS_CON_CIFRA else {}


# Más meses que esto en un gráfico de barras apiladas por mes son miles de barras de 2 px: ilegibles y lentas de
# dibujar (Temas a un millón: 15 temas × 132 meses = 1 980 barras, ~1 s por clic en Chromium; por año, ~0,4 s).
MESES_POR_BARRA_MAXIMOS = 60


def granularidad_inicial(anio_desde: int | None, anio_hasta: int | None) -> str:
    """«mes» si el rango de años cabe en `MESES_POR_BARRA_MAXIMOS` meses, si no «anio»; el usuario puede cambiarla."""
    if anio_desde is None or anio_hasta is None:
        return "mes"
    return "anio" if (anio_hasta - anio_desde + 1) * 12 > MESES_POR_BARRA_MAXIMOS else "mes"


def leyenda(filtros: Filtros, extra: str | None = None) -> None:
    """Texto bajo cada gráfico: qué se está mostrando (según los filtros) y de dónde sale."""
    partes = [f"Mostrando: {filtros.descripcion()}."]
    if extra:
        partes.append(extra)
    partes.append(FUENTE)
    st.caption(" ".join(partes))


def datos_descargables(datos: pd.DataFrame, filtros: Filtros, nombre: str, clave: str,
                       columnas: dict[str, str] | None = None) -> None:
    """Expansor "Datos del gráfico": la tabla detrás del gráfico y su CSV (abre bien en Excel)."""
    tabla = datos.rename(columns=columnas) if columnas else datos
    with st.expander("Datos del gráfico", icon=":material/table:"):
        st.dataframe(tabla, hide_index=True, width="stretch")
        st.download_button(
            "Descargar datos (CSV)",
            data=lambda: exportar.a_csv(tabla),
            file_name=filtros.nombre_archivo(nombre, "csv"),
            mime="text/csv",
            key=f"{clave}_csv",
            on_click="ignore",  # descargar no recorre la página otra vez
            icon=":material/download:",
        )


def mostrar(
    fig: go.Figure,
    datos: pd.DataFrame,
    filtros: Filtros,
    nombre: str,
    clave: str,
    *,
    al_seleccionar: Callable[[], None] | None = None,
    modo: str | Sequence[str] = ("points", "box"),
    columnas: dict[str, str] | None = None,
    nota: str | None = None,
) -> None:
    """Dibuja un gráfico con su leyenda de filtros y sus datos; si `al_seleccionar`, los clics filtran."""
    if al_seleccionar is not None:
        st.plotly_chart(fig, key=clave, on_select=al_seleccionar, selection_mode=modo, config=CONFIG)
    else:
        st.plotly_chart(fig, key=clave, config=CONFIG)
    leyenda(filtros, nota)
    datos_descargables(datos, filtros, nombre, clave, columnas)


def seleccion(clave: str, campo: str) -> Callable[[], None]:
    """Atajo: callback que estrecha `campo` con el customdata de los puntos elegidos en el gráfico `clave`."""
    return _filtros.al_seleccionar(clave, campo)


def sin_datos(clave: str, mensaje: str = SIN_EVENTOS) -> None:
    """En lugar de un gráfico vacío: decirlo y ofrecer quitar los filtros."""
    st.info(mensaje, icon=":material/search_off:")
    if not _filtros.actuales().es_vacio():
        _filtros.boton_limpiar(f"limpiar_{clave}")


def pista_clic(texto: str = "Haga clic en una barra para filtrar todo el tablero por ese valor.") -> None:
    """Indica qué pasa al hacer clic en el gráfico."""
    st.caption(f":material/touch_app: {texto}")


def hay_eventos(filtros: Filtros, clave: str = "pagina") -> bool:
    """Si ningún evento coincide con los filtros, lo dice (con el botón para limpiarlos) y devuelve False."""
    from paginas import _datos

    if int(_datos.consultar("eventos.contar_eventos", filtros) or 0) > 0:
        return True
    sin_datos(f"vacio_{clave}")
    return False


def enteros(fig: go.Figure, maximo: float, eje: str = "y") -> go.Figure:
    """Ejes de conteo: sin marcas fraccionarias (0.5 eventos no existe) y con separador de miles."""
    opciones: dict[str, Any] = {"tickformat": ",d", "rangemode": "tozero"}
    if maximo <= 8:
        opciones["dtick"] = 1
    if eje == "x" and maximo > 0:  # barras horizontales: lugar para la cifra escrita a la derecha de la más larga
        opciones["range"] = [0, maximo * 1.3]
    (fig.update_yaxes if eje == "y" else fig.update_xaxes)(**opciones)
    return fig


def barra_de_colores_entera(maximo: float) -> dict[str, Any]:
    """Opciones de colorbar con marcas enteras."""
    return {"tickformat": ",d", "dtick": 1 if maximo <= 8 else None}
