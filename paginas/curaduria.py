"""Curaduría (administración): revisar organizaciones halladas fuera del catálogo y decidir qué son.

Cada decisión la aplica `datos.curaduria`: escribe el catálogo, anota en la bitácora y reextrae solo las notas
afectadas. Las oraciones de las notas se muestran como texto, nunca como HTML.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from datos import curaduria
from datos.almacen.bloqueo import ConstruccionEnCurso
from datos.curaduria import catalogo
from datos.curaduria.sugerencias import PROBABLE, parecidas_entre_si
from datos.extraccion.organizaciones import TIPOS
from paginas import _acceso, _datos
from paginas import _formato as formato

_MENSAJE = "curaduria_mensaje"
ACCIONES = ("Agregar como organización nueva", "Agregar como alias de una organización del catálogo", "Ignorar")


@st.cache_data(show_spinner=False, max_entries=16)
def _sugerencias(pendientes: tuple[tuple[str, str], ...], version_catalogo: tuple) -> dict[str, list]:
    return {n: curaduria.sugerencias(n, s or None, n=5) for n, s in pendientes}


@st.cache_data(show_spinner=False, max_entries=4)
def _nombres_catalogo(version_catalogo: tuple) -> list[str]:
    return sorted((f.nombre for f in catalogo.organizaciones_catalogo()), key=str.casefold)


def _aplicar(funcion, *args) -> None:
    try:
        with st.spinner("Aplicando la decisión y reextrayendo las notas afectadas…"):
            resultado = funcion(*args)
    except curaduria.ErrorCatalogo as e:
        st.error(str(e))
        return
    except ConstruccionEnCurso as e:
        st.error(f"{e}", icon=":material/hourglass_top:")
        return
    st.session_state[_MENSAJE] = resultado.texto()
    st.rerun()


def _decidir(fila: pd.Series, sugeridas: list, nombres_catalogo: list[str]) -> None:
    nombre = str(fila["organizacion"])
    st.markdown(f"**{formato.escapar_markdown(nombre)}**")
    st.caption(f"Nombrada en {formato.numero(int(fila['notas']))} notas · tipo detectado: "
               f"{formato.TIPOS_ORGANIZACION.get(fila['tipo'], 'sin tipo')}")
    crudas = fila["oraciones"]
    oraciones = [str(o) for o in crudas] if crudas is not None and not isinstance(crudas, str) else []
    with st.expander(f"Oraciones que la nombran ({len(oraciones)})", expanded=True):
        for oracion in oraciones[:10]:
            st.text(oracion)
    if sugeridas:
        st.markdown("Se parece a:")
        st.dataframe(
            pd.DataFrame([(s.organizacion, s.forma, round(s.puntaje)) for s in sugeridas],
                         columns=["Organización del catálogo", "Por la forma", "Parecido (0–100)"]),
            hide_index=True, width="stretch", key="cur_sugeridas",
        )
    accion = st.radio("Decisión", ACCIONES, index=1 if sugeridas and sugeridas[0].probable else 0,
                      key="cur_accion")
    if accion == ACCIONES[0]:
        tipo_detectado = fila["tipo"] if fila["tipo"] in TIPOS else TIPOS[0]
        tipo = st.selectbox("Tipo", TIPOS, index=TIPOS.index(tipo_detectado), key="cur_tipo",
                            format_func=lambda t: formato.TIPOS_ORGANIZACION.get(t, t))
        sigla = st.text_input("Sigla (opcional)", value=fila["sigla"] if isinstance(fila["sigla"], str) else "",
                              key="cur_sigla")
        if st.button("Aplicar decisión", type="primary", key="cur_aplicar"):
            _aplicar(curaduria.agregar, nombre, tipo, sigla)
    elif accion == ACCIONES[1]:
        preferida = sugeridas[0].organizacion if sugeridas else None
        indice = nombres_catalogo.index(preferida) if preferida in nombres_catalogo else None
        destino = st.selectbox("Es la misma organización que", nombres_catalogo, index=indice, key="cur_destino",
                               placeholder="Elija una organización del catálogo")
        if st.button("Aplicar decisión", type="primary", key="cur_aplicar", disabled=destino is None):
            _aplicar(curaduria.alias, nombre, destino)
    else:
        st.caption("Ignorar solo la quita de esta lista: sigue en los datos como organización fuera de catálogo.")
        if st.button("Aplicar decisión", type="primary", key="cur_aplicar"):
            _aplicar(curaduria.ignorar, nombre)


def _fusiones(pendientes: pd.DataFrame, sugerencias: dict[str, list]) -> None:
    st.subheader("Fusiones sugeridas", anchor=False)
    filas = [(n, s[0].organizacion, round(s[0].puntaje)) for n, s in sugerencias.items()
             if s and s[0].puntaje >= PROBABLE]
    filas += [(a, f"{b} (también fuera del catálogo)", round(p))
              for a, b, p in parecidas_entre_si(list(pendientes["organizacion"]))]
    if not filas:
        st.caption("No hay nombres casi idénticos a una organización del catálogo.")
        return
    st.dataframe(pd.DataFrame(filas, columns=["Nombre hallado", "Parece ser", "Parecido (0–100)"]),
                 hide_index=True, width="stretch", key="cur_fusiones")
    st.caption("Para fusionar, elija el nombre arriba y la decisión «Agregar como alias».")


def _bitacora() -> None:
    st.subheader("Cambios", anchor=False)
    cambios = curaduria.leer_cambios()
    if not cambios:
        st.caption("Aún no hay decisiones registradas.")
        return
    tabla = pd.DataFrame([(c.id, c.fecha.replace("T", " "), c.descripcion(), c.notas,
                           "deshecho" if c.deshecho else "") for c in reversed(cambios)],
                         columns=["N.º", "Fecha", "Cambio", "Notas reextraídas", "Estado"])
    st.dataframe(tabla, hide_index=True, width="stretch", key="cur_bitacora")
    vigentes = [c for c in reversed(cambios) if c.accion != "deshacer" and not c.deshecho]
    if not vigentes:
        return
    elegido = st.selectbox("Deshacer el cambio", vigentes, key="cur_deshacer",
                           format_func=lambda c: f"n.º {c.id}: {c.descripcion()}")
    if st.button("Deshacer", key="cur_deshacer_boton", icon=":material/undo:"):
        _aplicar(curaduria.deshacer, elegido.id)


def pagina() -> None:
    if not _acceso.es_admin():
        st.error("Esta página requiere la clave de administración.")
        st.stop()
    st.title("Curaduría del catálogo", anchor=False)
    st.caption("Organizaciones que las notas nombran pero que no están en el catálogo. Cada decisión se guarda en "
               "los archivos del catálogo con fecha, se puede deshacer y vuelve a procesar solo las notas afectadas.")
    mensaje = st.session_state.pop(_MENSAJE, None)
    if mensaje:
        st.success(mensaje, icon=":material/check_circle:")
    version = catalogo.version()
    pendientes = _datos.consultar("curaduria.fuera_de_catalogo", None, tuple(sorted(catalogo.ignoradas())))
    sugerencias = _sugerencias(
        tuple((str(n), s if isinstance(s, str) else "") for n, s in zip(pendientes["organizacion"],
                                                                        pendientes["sigla"], strict=True)),
        version,
    )
    izquierda, derecha = st.columns([3, 2], gap="large")
    with izquierda:
        st.subheader("Por revisar", anchor=False)
        if pendientes.empty:
            st.success("No quedan organizaciones fuera del catálogo por revisar.")
        else:
            st.caption(f"{formato.numero(len(pendientes))} organizaciones, de la más nombrada a la menos.")
            nombres = list(pendientes["organizacion"])
            elegida = st.selectbox("Organización a revisar", nombres, key="cur_organizacion")
            fila = pendientes[pendientes["organizacion"] == elegida].iloc[0]
            _decidir(fila, sugerencias.get(elegida, []), _nombres_catalogo(version))
    with derecha:
        if not pendientes.empty:
            _fusiones(pendientes, sugerencias)
        _bitacora()


pagina()
