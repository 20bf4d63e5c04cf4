"""Acerca de: de dónde salen los datos, cómo se extraen y cómo agregar notas."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from paginas import _formato as formato

RAIZ = Path(__file__).resolve().parent.parent
FUENTES = RAIZ / "datos" / "notas" / "fuentes.csv"


def _fuentes() -> None:
    st.subheader("Fuentes", anchor=False)
    st.markdown(
        "Notas de prensa públicas del Ministerio de Relaciones Exteriores del Perú (gob.pe y otros medios que "
        "las reproducen). La carpeta `datos/notas/` trae las notas incluidas; esta es la dirección pública de "
        "cada una:"
    )
    if not FUENTES.exists():
        st.info("No se encontró `datos/notas/fuentes.csv`.")
        return
    fuentes = pd.read_csv(FUENTES, dtype=str).fillna("")
    fuentes["url"] = fuentes["url"].where(fuentes["url"].str.match(r"^https?://"), None)
    st.dataframe(fuentes, hide_index=True, width="stretch", column_config={
        "archivo": st.column_config.TextColumn("Archivo"),
        "url": st.column_config.LinkColumn("Dirección pública", width="large"),
    })
    st.caption(f"{formato.plural(len(fuentes), 'nota')} incluida{'s' if len(fuentes) != 1 else ''}. "
               "Límites departamentales: INEI (2007), repositorio juaneladio/peru-geojson, licencia MPL-2.0 "
               "(`datos/geo/LICENSE-peru-geojson`). Países del mundo: Natural Earth (dominio público) en el "
               "paquete world-atlas 2.0.2, licencia ISC (`datos/geo/LICENSE-world-atlas`).")


def _metodo() -> None:
    st.subheader("Método", anchor=False)
    st.markdown(
        """
1. **Lectura.** Se leen notas en texto, HTML, JSONL o CSV. Los archivos ilegibles se registran como rechazados
   (ver *Calidad de datos*). Una nota repetida (mismo texto) se guarda una sola vez.
2. **Limpieza.** Se quitan artefactos de la publicación web (títulos repetidos, menús, párrafos duplicados).
3. **Extracción.** De cada nota sale **un evento**: tipo y número de nota, fecha de publicación y del evento,
   oficina que informa, país y departamento, tipo de evento, organizaciones participantes (catálogo de nombres,
   siglas y variantes, más el patrón «Nombre (SIGLA)»), temas (palabras clave) y espacios de coordinación
   (mesas, comisiones, redes).
4. **Evidencia.** Cada dato guarda la oración de la nota de la que salió: al abrir un evento se ve marcada.
5. **Base.** Todo se guarda en una base DuckDB que el tablero lee en modo solo lectura.

La fecha de los gráficos es la del evento; si la nota no la dice, la de publicación. Las cifras cuentan eventos
(notas), no personas ni reuniones individuales: una nota que informa varias reuniones cuenta una vez.
"""
    )


def _agregar() -> None:
    st.subheader("Cómo agregar notas", anchor=False)
    st.markdown("Copie las notas (archivos `.txt`, `.html`, `.jsonl` o `.csv`) a una carpeta y, desde la carpeta "
                "del proyecto, ejecute:")
    st.code(".venv/bin/python -m datos construir RUTA", language="bash")
    st.markdown(
        "`RUTA` puede ser una carpeta o archivos sueltos. Solo se procesan las notas nuevas; las repetidas se "
        "ignoran. La base se reemplaza de una vez al terminar, así que el tablero puede seguir abierto: al recargar "
        "la página muestra los datos nuevos. Para ampliar los catálogos (organizaciones, oficinas, temas, tipos de "
        "evento), edite los CSV de `datos/catalogos/` y vuelva a construir."
    )


def pagina() -> None:
    """Dibuja la página Acerca de."""
    st.title("Acerca de Articula", anchor=False)
    st.caption("Un tablero para ver con quién, dónde y sobre qué articula la Cancillería del Perú, a partir de sus "
               "notas de prensa.")
    _fuentes()
    _metodo()
    _agregar()


pagina()
