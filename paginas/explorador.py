"""Explorador: la tabla de eventos filtrados (uno por fila) y sus descargas en CSV, Excel y Parquet."""

from __future__ import annotations

import streamlit as st

from consultas import eventos as consultas_eventos
from consultas import exportar
from paginas import _datos, _eventos, _filtros
from paginas import _formato as formato
from paginas import _graficos as graficos

LIMITE_PANTALLA = 2000
COLUMNAS = ["fecha", "titulo", "oficina", "tipo_oficina", "region", "pais", "tipo_evento", "organizaciones",
            "temas", "espacios", "tipo_nota", "numero_nota", "fecha_publicacion", "url", "archivo"]


def _descargas(filtros) -> None:
    """Los archivos se generan al hacer clic (no en cada recarga) y siempre con todos los eventos filtrados.

    Descargar no vuelve a correr la página (`on_click="ignore"`): a un millón de eventos, esa recarga repetiría
    todas sus consultas, y un segundo clic durante la recarga se perdía.
    """

    def todos():
        return consultas_eventos.lista_eventos(filtros)

    c1, c2, c3, _ = st.columns([1, 1, 1, 2])
    c1.download_button("Descargar CSV", data=lambda: exportar.a_csv(todos()),
                       file_name=filtros.nombre_archivo("eventos", "csv"), mime="text/csv",
                       key="desc_csv", on_click="ignore", icon=":material/download:", type="primary",
                       help="Separado por comas, UTF-8: se abre en Excel con tildes y eñes.")
    c2.download_button("Descargar Excel", data=lambda: exportar.a_excel(todos()),
                       file_name=filtros.nombre_archivo("eventos", "xlsx"),
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key="desc_excel", on_click="ignore", icon=":material/download:")
    c3.download_button("Descargar Parquet", data=lambda: exportar.a_parquet(todos()),
                       file_name=filtros.nombre_archivo("eventos", "parquet"), mime="application/octet-stream",
                       key="desc_parquet", on_click="ignore", icon=":material/download:",
                       help="Formato columnar para análisis en Python, R o DuckDB.")


def pagina() -> None:
    """Dibuja la página Explorador."""
    filtros = _filtros.actuales()
    st.title("Explorador", anchor=False)
    st.caption("Todos los eventos que coinciden con los filtros, uno por fila, para revisar y descargar. "
               "Las organizaciones y los temas de cada evento van separados por comas.")
    total = int(_datos.consultar("eventos.contar_eventos", filtros) or 0)
    if total == 0:
        graficos.sin_datos("explorador")
        return
    st.markdown(f"**{formato.plural(total, 'evento')}** · {formato.escapar_markdown(filtros.descripcion())}")
    _descargas(filtros)
    eventos = _datos.consultar("eventos.lista_eventos", filtros, limite=LIMITE_PANTALLA)
    if total > len(eventos):
        st.caption(f"En pantalla, los {formato.numero(len(eventos))} más recientes; las descargas traen los "
                   f"{formato.numero(total)}.")
    elegido = _eventos.tabla_eventos(eventos, "t_explorador", COLUMNAS, alto=480)
    _eventos.seccion_evento(elegido)


pagina()
