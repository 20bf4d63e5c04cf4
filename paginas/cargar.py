"""Cargar notas (administración): subir archivos o un ZIP, construir de forma incremental y ver el resumen.

La página no toca la base: guarda y construye con `datos.subida`. La construcción reemplaza la base de forma
atómica y las consultas se cachean por versión del archivo, así que el resto del tablero ve las notas nuevas
sin reiniciar.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from datos.almacen.bloqueo import ConstruccionEnCurso
from datos.almacen.construir import ErrorConstruccion
from datos.subida import LIMITES, cargar, guardar
from paginas import _acceso, _datos
from paginas import _formato as formato

_RESULTADO = "carga_resultado"
_RONDA = "carga_ronda"
TIPOS = ["txt", "html", "htm", "jsonl", "csv", "zip"]
MB = 1024 * 1024


def _procesar(archivos: list) -> None:
    inicio = dt.datetime.now()
    grandes = [a.name for a in archivos if a.size > LIMITES.total]
    if grandes:
        st.error(f"Archivos demasiado grandes (más de {LIMITES.total // MB} MB): {', '.join(grandes)}")
        return
    barra = st.progress(0.0, text="Guardando los archivos…")
    subida = guardar([(a.name, a.getvalue()) for a in archivos])
    barra.progress(0.05, text=f"Procesando {len(subida.guardados)} archivos…")

    def avanzar(hechos: int, total: int) -> None:
        barra.progress(0.05 + 0.95 * hechos / max(total, 1), text=f"Procesando archivos: {hechos} de {total}")

    try:
        resumen = cargar(subida, al_avanzar=avanzar)
    except ConstruccionEnCurso as e:
        barra.empty()
        st.error(f"{e}", icon=":material/hourglass_top:")
        return
    except ErrorConstruccion as e:
        barra.empty()
        st.error(f"No se pudo cargar: {e}")
        return
    barra.progress(1.0, text="Listo.")
    st.session_state[_RESULTADO] = (resumen, inicio)
    st.session_state[_RONDA] = st.session_state.get(_RONDA, 0) + 1  # vacía el selector de archivos
    st.rerun()


def _resumen() -> None:
    guardado = st.session_state.get(_RESULTADO)
    if not guardado:
        return
    resumen, inicio = guardado
    st.subheader("Resultado de la última carga", anchor=False)
    segundos = f"{resumen.segundos:.1f}".replace(".", ",")
    st.caption(f"{formato.numero(resumen.archivos)} archivos guardados · {segundos} s")
    c = st.columns(4)
    c[0].metric("Notas nuevas", formato.numero(resumen.nuevas), border=True)
    c[1].metric("Duplicadas", formato.numero(resumen.duplicadas), border=True,
                help="Notas cuyo contenido ya estaba en la base (aunque el archivo tenga otro nombre).")
    c[2].metric("Rechazadas", formato.numero(resumen.rechazadas), border=True)
    c[3].metric("Eventos en la base", formato.numero(resumen.eventos_en_base), border=True)
    if resumen.motivos:
        st.markdown("**Motivos de rechazo**")
        motivos = pd.DataFrame(sorted(resumen.motivos.items(), key=lambda kv: -kv[1]), columns=["Motivo", "Archivos"])
        st.dataframe(motivos, hide_index=True, width="stretch", key="carga_motivos")
        filas = [(r.archivo, r.motivo, r.detalle) for r in resumen.rechazos]
        rechazos = _datos.consultar("calidad.rechazos")
        if not rechazos.empty and "momento" in rechazos:
            recientes = rechazos[pd.to_datetime(rechazos["momento"]) >= pd.Timestamp(inicio)]
            filas += list(recientes[["archivo", "motivo", "detalle"]].itertuples(index=False, name=None))
        st.dataframe(pd.DataFrame(filas, columns=["Archivo", "Motivo", "Detalle"]), hide_index=True,
                     width="stretch", key="carga_rechazos")


def pagina() -> None:
    if not _acceso.es_admin():
        st.error("Esta página requiere la clave de administración.")
        st.stop()
    st.title("Cargar notas", anchor=False)
    st.caption(
        "Suba notas de prensa en texto (.txt), HTML, JSONL o CSV, o un ZIP que las contenga. Las notas repetidas "
        "se reconocen por su contenido y no se duplican. Al terminar, todo el tablero muestra los datos nuevos."
    )
    archivos = st.file_uploader(
        "Archivos de notas",
        type=TIPOS,
        accept_multiple_files=True,
        key=f"carga_archivos_{st.session_state.get(_RONDA, 0)}",
        help=f"Hasta {LIMITES.archivo // MB} MB por nota y {LIMITES.total // MB} MB en total "
        f"(también descomprimido); un ZIP con hasta {LIMITES.archivos_zip} archivos.",
    )
    if st.button("Cargar a la base", type="primary", disabled=not archivos, icon=":material/upload:",
                 key="carga_boton"):
        _procesar(archivos or [])
    _resumen()


pagina()
