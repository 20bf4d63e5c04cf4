"""Un solo juego de filtros para todo el tablero: barra lateral ⇄ estado de sesión ⇄ URL.

La URL es la fuente al abrir la sesión (un enlace copiado reproduce la vista); después, los widgets
mandan y la URL se reescribe en cada ejecución, así sobrevive al cambio de página.
Los clics en gráficos estrechan los filtros con callbacks, que corren antes de dibujar los widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import streamlit as st

from consultas.filtros import Filtros
from paginas import _formato as formato

# (campo de Filtros, etiqueta, texto cuando no hay selección)
CAMPOS_MULTI: tuple[tuple[str, str, str], ...] = (
    ("region", "Región", "Todas las regiones"),
    ("pais", "País", "Todos los países"),
    ("oficina", "Oficina", "Todas las oficinas"),
    ("tipo_oficina", "Tipo de oficina", "Todos los tipos"),
    ("organizacion", "Organización", "Todas las organizaciones"),
    ("tema", "Tema", "Todos los temas"),
    ("tipo_evento", "Tipo de evento", "Todos los tipos"),
)
CLAVE_ANIOS = "f_anios"
CLAVES_URL = ("anio_desde", "anio_hasta") + tuple(c for c, _, _ in CAMPOS_MULTI)
_INICIADO = "_filtros_iniciados"
_AVISOS = "_filtros_avisos_url"
_ACTUALES = "_filtros_actuales"


def _clave(campo: str) -> str:
    return f"f_{campo}"


def _formateador(campo: str) -> Callable[[Any], str]:
    if campo == "tipo_oficina":
        return formato.tipo_oficina
    if campo == "tipo_evento":
        return lambda v: str(v).capitalize()
    return str


def _hay_rango(opciones: Any) -> bool:
    return (
        opciones.anio_min is not None
        and opciones.anio_max is not None
        and int(opciones.anio_min) < int(opciones.anio_max)
    )


def _cargar_en_widgets(filtros: Filtros, opciones: Any) -> None:
    """Escribe un Filtros en el estado de los widgets (solo antes de dibujarlos o desde un callback)."""
    ss = st.session_state
    for campo, _, _ in CAMPOS_MULTI:
        conocidos = set(getattr(opciones, campo))
        ss[_clave(campo)] = [v for v in getattr(filtros, campo) if v in conocidos]
    if _hay_rango(opciones):
        lo, hi = int(opciones.anio_min), int(opciones.anio_max)
        desde = lo if filtros.anio_desde is None else min(max(int(filtros.anio_desde), lo), hi)
        hasta = hi if filtros.anio_hasta is None else min(max(int(filtros.anio_hasta), lo), hi)
        ss[CLAVE_ANIOS] = (min(desde, hasta), max(desde, hasta))
    else:
        ss.pop(CLAVE_ANIOS, None)


def _leer_widgets(opciones: Any) -> Filtros:
    ss = st.session_state
    valores: dict[str, Any] = {campo: tuple(ss.get(_clave(campo)) or ()) for campo, _, _ in CAMPOS_MULTI}
    desde = hasta = None
    if _hay_rango(opciones) and CLAVE_ANIOS in ss:
        lo, hi = int(opciones.anio_min), int(opciones.anio_max)
        a, b = ss[CLAVE_ANIOS]
        if (int(a), int(b)) != (lo, hi):  # todo el rango = sin filtro de años (URL más corta)
            desde, hasta = int(a), int(b)
    return Filtros(anio_desde=desde, anio_hasta=hasta, **valores)


def params_de_url() -> dict[str, list[str]]:
    """Parámetros de la URL con sus valores repetidos (st.query_params[k] solo da el último)."""
    return {k: list(st.query_params.get_all(k)) for k in st.query_params.keys()}


def _sincronizar_url(filtros: Filtros) -> None:
    deseados = {k: [str(x) for x in v] for k, v in filtros.a_query_params().items() if v}
    actuales = {k: v for k, v in params_de_url().items() if v}
    if deseados != actuales:
        st.query_params.from_dict(deseados)


def _al_cambiar() -> None:
    st.session_state[_AVISOS] = []


def limpiar() -> None:
    """Callback de "Limpiar filtros": vuelve a 'todos los eventos'."""
    from paginas import _datos

    _cargar_en_widgets(Filtros(), _datos.opciones())
    st.session_state[_AVISOS] = []


def estrechar(campo: str, valores: Iterable[Any]) -> None:
    """Restringe un filtro a `valores` (p. ej. la región de la barra clicada). Usar desde callbacks."""
    estrechar_varios({campo: valores})


def estrechar_varios(cambios: dict[str, Iterable[Any]]) -> None:
    """Restringe varios filtros a la vez ({'tema': [...], 'region': [...]}); "anio" fija el rango de años.

    Los valores que no existen en la base se ignoran; si un campo queda sin valores válidos no se toca.
    """
    from paginas import _datos

    opciones = _datos.opciones()
    nuevos = st.session_state.get(_ACTUALES) or Filtros()
    for campo, crudos in cambios.items():
        valores = [v for v in crudos if v is not None and str(v) != ""]
        if not valores:
            continue
        if campo == "anio":
            anios = sorted(int(v) for v in valores)
            nuevos = nuevos.con(anio_desde=anios[0], anio_hasta=anios[-1])
            continue
        conocidos = set(getattr(opciones, campo))
        validos = tuple(sorted({str(v) for v in valores if str(v) in conocidos}))
        if validos:
            nuevos = nuevos.con(**{campo: validos})
    _cargar_en_widgets(nuevos, opciones)
    st.session_state[_ACTUALES] = _leer_widgets(opciones)
    st.session_state[_AVISOS] = []


def valor_de_punto(punto: dict[str, Any]) -> Any:
    """El valor de filtro que lleva un punto seleccionado en `customdata[0]` (o en `customdata`)."""
    dato = punto.get("customdata")
    if isinstance(dato, list | tuple):
        return dato[0] if dato else None
    return dato


def al_seleccionar(clave_grafico: str, campo: str) -> Callable[[], None]:
    """Callback para st.plotly_chart(on_select=...): los puntos elegidos estrechan `campo`."""

    def _callback() -> None:
        estado = st.session_state.get(clave_grafico) or {}
        seleccion = estado.get("selection") or {}
        puntos = seleccion.get("points") or []
        estrechar(campo, [valor_de_punto(p) for p in puntos])

    return _callback


def boton_limpiar(clave: str, etiqueta: str = "Limpiar filtros", **kwargs: Any) -> None:
    """Botón que quita todos los filtros (para la barra lateral y los mensajes de 'sin resultados')."""
    st.button(etiqueta, key=clave, on_click=limpiar, icon=":material/filter_alt_off:", **kwargs)


def barra_lateral(opciones: Any) -> Filtros:
    """Dibuja los filtros en la barra lateral y devuelve el Filtros vigente (también en la URL)."""
    ss = st.session_state
    if not ss.get(_INICIADO):
        filtros, avisos = Filtros.desde_query_params(params_de_url(), opciones)
        _cargar_en_widgets(filtros, opciones)
        ss[_AVISOS] = list(avisos)
        ss[_INICIADO] = True

    with st.sidebar:
        st.header("Filtros", divider="gray")
        if _hay_rango(opciones):
            st.slider(
                "Años",
                min_value=int(opciones.anio_min),
                max_value=int(opciones.anio_max),
                step=1,
                key=CLAVE_ANIOS,
                on_change=_al_cambiar,
                help="Año del evento (o de publicación si la nota no dice la fecha del evento).",
            )
        elif opciones.anio_min is not None:
            st.caption(f"Años: todos los eventos son de {opciones.anio_min}.")
        for campo, etiqueta, todos in CAMPOS_MULTI:
            st.multiselect(
                etiqueta,
                options=list(getattr(opciones, campo)),
                key=_clave(campo),
                placeholder=todos,
                format_func=_formateador(campo),
                on_change=_al_cambiar,
                select_all=False,  # su opción dice «Select all» (en inglés); «todas» ya es no elegir ninguna
            )
        filtros = _leer_widgets(opciones)
        boton_limpiar("limpiar_barra", disabled=filtros.es_vacio(), width="stretch")
        st.caption("La dirección de la página guarda estos filtros: cópiela para compartir exactamente esta vista.")

    ss[_ACTUALES] = filtros
    _sincronizar_url(filtros)
    return filtros


def avisos_url() -> list[str]:
    """Advertencias de valores de la URL que no se reconocieron (se muestran hasta cambiar filtros)."""
    return list(st.session_state.get(_AVISOS) or [])


def actuales() -> Filtros:
    """Los filtros de esta ejecución (los fija `barra_lateral`, que app.py llama antes de cada página)."""
    return st.session_state.get(_ACTUALES) or Filtros()
