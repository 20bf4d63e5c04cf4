"""Calidad de datos: qué no se pudo cargar, qué falta y qué se halló fuera del catálogo, y cómo se contó."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from paginas import _datos, _filtros
from paginas import _formato as formato
from paginas import _graficos as graficos

CIFRAS = (
    ("notas", "Notas cargadas", "Archivos o registros distintos guardados en la base. Dos notas con el mismo "
     "texto (tras normalizar espacios y mayúsculas) cuentan una vez: se compara una huella del contenido."),
    ("eventos", "Eventos", "Un evento por nota: la actividad que la nota informa."),
    ("sin_fecha", "Eventos sin fecha", "La nota no dice la fecha del evento ni la de publicación. Estos eventos "
     "no aparecen en las líneas de tiempo ni al filtrar por años."),
    ("sin_region", "Sin región", "Eventos en el Perú (o sin país) para los que no se identificó el departamento: "
     "ni por la oficina que informa ni por un lugar mencionado en la nota."),
    ("organizaciones_fuera_catalogo", "Organizaciones fuera del catálogo", "Nombres hallados por el patrón "
     "«Nombre (SIGLA)» que no están en datos/catalogos/organizaciones.csv. Conviene revisarlos y agregarlos."),
    ("rechazos", "Archivos rechazados", "Archivos que no se pudieron leer o no parecen notas (vacíos, "
     "codificación ilegible, formato no reconocido...). No entran en ninguna cifra."),
)


def _cifras() -> None:
    resumen = _datos.consultar("calidad.resumen_calidad")
    fila = resumen.iloc[0] if len(resumen) else pd.Series(dtype=object)
    columnas = st.columns(len(CIFRAS))
    for col, (campo, etiqueta, ayuda) in zip(columnas, CIFRAS, strict=True):
        valor = fila.get(campo)
        col.metric(etiqueta, formato.numero(0 if pd.isna(valor) else valor), help=ayuda, border=True)
    ultima = fila.get("ultima_construccion")
    if ultima is not None and not pd.isna(ultima):
        momento = pd.Timestamp(ultima)
        st.caption(f"Última construcción de la base: {formato.fecha_larga(momento)}, "
                   f"{momento.hour:02d}:{momento.minute:02d} h. Estas cifras son de toda la base (sin filtros).")
    with st.expander("Cómo se obtuvo cada número", icon=":material/help:"):
        for _, etiqueta, ayuda in CIFRAS:
            st.markdown(f"- **{etiqueta}**: {ayuda}")


def _rechazos() -> None:
    st.subheader("Archivos rechazados", anchor=False)
    rechazos = _datos.consultar("calidad.rechazos")
    if rechazos.empty:
        st.success("Ningún archivo fue rechazado en la construcción.", icon=":material/check_circle:")
        return
    st.dataframe(rechazos, hide_index=True, width="stretch", column_config={
        "archivo": st.column_config.TextColumn("Archivo"),
        "motivo": st.column_config.TextColumn("Motivo"),
        "detalle": st.column_config.TextColumn("Detalle", width="large"),
        "momento": st.column_config.DatetimeColumn("Momento", format="DD/MM/YYYY HH:mm"),
    })
    st.caption("Corrija el archivo y vuelva a construir: `python -m datos construir RUTA`.")


def _sin_fecha(filtros) -> None:
    st.subheader("Notas sin fecha", anchor=False)
    sin_fecha = _datos.consultar("calidad.notas_sin_fecha", filtros)
    if sin_fecha.empty:
        texto = "Todas las notas que coinciden con los filtros tienen fecha."
        if filtros.anio_desde is not None or filtros.anio_hasta is not None:
            texto += " (Con un rango de años elegido, las notas sin fecha nunca coinciden.)"
        st.success(texto, icon=":material/check_circle:")
        return
    st.dataframe(sin_fecha, hide_index=True, width="stretch", column_order=["titulo", "archivo", "url"],
                 column_config={"titulo": st.column_config.TextColumn("Título", width="large"),
                                "archivo": st.column_config.TextColumn("Archivo"),
                                "url": st.column_config.LinkColumn("Nota publicada", display_text="Abrir")})
    graficos.leyenda(filtros)


def _fuera_de_catalogo(filtros) -> None:
    st.subheader("Organizaciones fuera del catálogo", anchor=False)
    fuera = _datos.consultar("calidad.fuera_de_catalogo", filtros)
    if fuera.empty:
        st.success("Todas las organizaciones halladas están en el catálogo.", icon=":material/check_circle:")
        return
    st.dataframe(fuera.assign(tipo=fuera["tipo"].map(formato.tipo_organizacion)), hide_index=True,
                 width="stretch", column_config={
                     "organizacion": st.column_config.TextColumn("Organización"),
                     "sigla": st.column_config.TextColumn("Sigla"),
                     "tipo": st.column_config.TextColumn("Tipo (estimado)"),
                     "notas": st.column_config.NumberColumn("Notas", format="%d"),
                     "ejemplo": st.column_config.TextColumn("Oración de ejemplo", width="large"),
                 })
    st.caption("Para incorporarlas, agréguelas a `datos/catalogos/organizaciones.csv` (nombre, sigla, tipo, alias) "
               "y vuelva a construir la base.")
    graficos.leyenda(filtros)


def pagina() -> None:
    """Dibuja la página Calidad de datos."""
    filtros = _filtros.actuales()
    st.title("Calidad de datos", anchor=False)
    st.caption("Qué tan completa es la información extraída de las notas, y qué revisar.")
    _cifras()
    _rechazos()
    _sin_fecha(filtros)
    _fuera_de_catalogo(filtros)


pagina()
