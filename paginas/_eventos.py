"""Tablas de eventos y la ficha de un evento con su nota y las oraciones que sustentan cada dato.

El texto de la nota es dato ajeno: se muestra con st.text (texto plano) y las oraciones de evidencia en
recuadros con el Markdown escapado. Nunca se interpreta como HTML.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from paginas import _datos
from paginas import _formato as formato

MARCA = "▶ "
COLUMNAS_TABLA: dict[str, Any] = {
    "fecha": st.column_config.DateColumn("Fecha", format="DD/MM/YYYY"),
    "titulo": st.column_config.TextColumn("Título", width="large"),
    "oficina": st.column_config.TextColumn("Oficina"),
    "region": st.column_config.TextColumn("Región"),
    "pais": st.column_config.TextColumn("País"),
    "tipo_evento": st.column_config.TextColumn("Tipo de evento"),
    "organizaciones": st.column_config.TextColumn("Organizaciones", width="large"),
    "temas": st.column_config.TextColumn("Temas"),
    "espacios": st.column_config.TextColumn("Espacios de coordinación"),
    "mencion": st.column_config.TextColumn("Mención en la nota"),
    "evidencia": st.column_config.TextColumn("Oración de la nota", width="large"),
    "url": st.column_config.LinkColumn("Nota publicada", display_text="Abrir"),
    "fecha_publicacion": st.column_config.DateColumn("Publicada", format="DD/MM/YYYY"),
    "tipo_nota": st.column_config.TextColumn("Tipo de nota"),
    "numero_nota": st.column_config.TextColumn("N.° de nota"),
    "tipo_oficina": st.column_config.TextColumn("Tipo de oficina"),
    "archivo": st.column_config.TextColumn("Archivo"),
    "evento_id": None,
}


def tabla_eventos(eventos: pd.DataFrame, clave: str, columnas: list[str] | None = None, alto: int | None = None) -> Any:
    """Tabla de eventos en la que se elige una fila; devuelve el evento_id elegido o None."""
    visibles = [c for c in (columnas or list(eventos.columns)) if c in eventos.columns and c != "evento_id"]
    textos = [c for c in visibles if c not in ("url", "fecha", "fecha_publicacion")
              and (eventos[c].dtype == object or str(eventos[c].dtype).startswith("str"))]
    if textos:
        eventos = eventos.assign(**{c: eventos[c].fillna("—") for c in textos})
    if "tipo_oficina" in eventos.columns:
        eventos = eventos.assign(tipo_oficina=eventos["tipo_oficina"].map(formato.tipo_oficina))
    estado = st.dataframe(
        eventos,
        hide_index=True,
        width="stretch",
        height=alto if alto else "auto",
        column_order=visibles,
        column_config={k: v for k, v in COLUMNAS_TABLA.items() if k in visibles or k == "evento_id"},
        on_select="rerun",
        selection_mode="single-row",
        key=clave,
    )
    filas = estado.selection.rows if estado is not None else []
    if not filas or "evento_id" not in eventos.columns:
        return None
    posicion = filas[0]
    if posicion >= len(eventos):
        return None
    return eventos["evento_id"].iloc[posicion]


def partir_por_evidencias(texto: str, evidencias: dict[str, list[str]]) -> list[tuple[str, list[str]]]:
    """Parte el texto en tramos; los que son una oración de evidencia llevan los campos que sustentan.

    Devuelve [(tramo, campos)], con campos == [] para el texto corriente. Las evidencias que no aparecen
    literalmente en el texto se ignoran aquí (la tabla de datos las sigue mostrando).
    """
    tramos: list[tuple[int, int, list[str]]] = []
    for oracion, campos in evidencias.items():
        oracion = (oracion or "").strip()
        if not oracion:
            continue
        inicio = texto.find(oracion)
        if inicio >= 0:
            tramos.append((inicio, inicio + len(oracion), campos))
    tramos.sort(key=lambda t: (t[0], -t[1]))
    salida: list[tuple[str, list[str]]] = []
    cursor = 0
    for inicio, fin, campos in tramos:
        if inicio < cursor:  # solapada con la anterior: se suman sus campos
            if salida and salida[-1][1]:
                salida[-1][1].extend(c for c in campos if c not in salida[-1][1])
            continue
        if inicio > cursor:
            salida.append((texto[cursor:inicio], []))
        salida.append((texto[inicio:fin], list(campos)))
        cursor = fin
    if cursor < len(texto):
        salida.append((texto[cursor:], []))
    return salida


def _evidencias_por_oracion(evidencias: pd.DataFrame) -> dict[str, list[str]]:
    mapa: dict[str, list[str]] = {}
    for fila in evidencias.itertuples(index=False):
        oracion = getattr(fila, "evidencia", None)
        if not isinstance(oracion, str) or not oracion.strip():
            continue
        campo = formato.CAMPOS.get(str(fila.campo), str(fila.campo).replace("_", " ").capitalize())
        valor = getattr(fila, "valor", None)
        etiqueta = f"{campo}: {valor}" if isinstance(valor, str) and valor else campo
        mapa.setdefault(oracion.strip(), [])
        if etiqueta not in mapa[oracion.strip()]:
            mapa[oracion.strip()].append(etiqueta)
    return mapa


def _url_segura(url: Any) -> str | None:
    if isinstance(url, str) and url.lower().startswith(("https://", "http://")):
        return url
    return None


def mostrar_evento(evento_id: Any) -> None:
    """Ficha del evento: datos extraídos con su oración de respaldo y el texto de la nota marcado."""
    detalle = _datos.consultar("eventos.detalle_evento", None, int(evento_id))
    if not detalle:
        st.warning("No se encontró el evento.")
        return
    evidencias = _datos.consultar("eventos.evidencias_evento", None, int(evento_id))
    titulo = detalle.get("titulo") or "(nota sin título)"
    st.subheader(formato.escapar_markdown(titulo), anchor=False)
    lugar = detalle.get("region") or detalle.get("pais") or "lugar no identificado"
    partes = [
        formato.fecha_larga(detalle.get("fecha")),
        detalle.get("oficina") or "oficina no identificada",
        lugar,
        (detalle.get("tipo_evento") or "tipo de evento no identificado").capitalize(),
    ]
    st.text(" · ".join(str(p) for p in partes))
    url = _url_segura(detalle.get("url"))
    if url:
        st.link_button("Ver la nota publicada", url, icon=":material/open_in_new:")

    if evidencias is not None and len(evidencias):
        st.markdown("**Datos extraídos y la oración que los sustenta**")
        valores = [formato.fecha_larga(v, str(v)) if str(c).startswith("fecha") else v
                   for c, v in zip(evidencias["campo"], evidencias["valor"], strict=True)]
        sin_oracion = "— (ninguna oración lo dice: valor deducido o por omisión)"
        tabla = evidencias.assign(
            campo=evidencias["campo"].map(lambda c: formato.CAMPOS.get(str(c), str(c))), valor=valores,
            evidencia=[e if isinstance(e, str) and e.strip() else sin_oracion for e in evidencias["evidencia"]],
        ).rename(columns={"campo": "Dato", "valor": "Valor", "evidencia": "Oración de la nota"})
        st.dataframe(tabla, hide_index=True, width="stretch")

    texto = detalle.get("texto") or ""
    st.markdown("**Texto de la nota** (las oraciones que sustentan los datos aparecen marcadas con ▶)")
    if not texto.strip():
        st.text("La nota no tiene texto.")
        return
    with st.container(border=True):
        for tramo, campos in partir_por_evidencias(texto, _evidencias_por_oracion(evidencias)):
            if campos:
                st.info(formato.escapar_markdown(MARCA + tramo.strip()), icon=":material/format_quote:")
                st.caption(formato.escapar_markdown("Sustenta: " + "; ".join(campos)))
            else:
                for parrafo in tramo.split("\n\n"):
                    if parrafo.strip():
                        st.text(parrafo.strip())


def seccion_evento(evento_id: Any) -> None:
    """Muestra la ficha bajo una tabla cuando el usuario eligió una fila; si no, una pista."""
    if evento_id is None or (isinstance(evento_id, float) and pd.isna(evento_id)):
        st.caption(":material/touch_app: Seleccione una fila (casilla a la izquierda) para leer la nota y ver de "
                   "qué oración sale cada dato.")
        return
    with st.container(border=True):
        mostrar_evento(evento_id)
