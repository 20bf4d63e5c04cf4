"""Organizaciones: el perfil de una organización (cuándo, dónde, en qué temas, con quién) y sus eventos,
cada uno con la oración de la nota que la menciona."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from paginas import _datos, _eventos, _filtros, _pestanas
from paginas import _formato as formato
from paginas import _graficos as graficos

CLAVE_ORG = "org_elegida"
LIMITE_EVENTOS = 500


def _elegir_socio() -> None:
    estado = st.session_state.get("g_org_socios") or {}
    puntos = (estado.get("selection") or {}).get("points") or []
    valores = [_filtros.valor_de_punto(p) for p in puntos]
    valores = [v for v in valores if isinstance(v, str) and v]
    if valores:
        st.session_state[CLAVE_ORG] = valores[0]


def _barras(datos: pd.DataFrame, etiqueta: str, valor: str, color: str) -> go.Figure:
    datos = datos.sort_values(valor)
    fig = go.Figure(go.Bar(
        x=datos[valor], y=datos[etiqueta].map(lambda t: str(t).capitalize() if etiqueta == "tema" else str(t)),
        orientation="h", customdata=datos[[etiqueta]].to_numpy(), marker_color=color,
        text=datos[valor].map(formato.numero), textposition="outside", textangle=0, cliponaxis=False,
        hovertemplate="%{y}: %{x:,} eventos<extra></extra>",
    ))
    fig.update_xaxes(title="Eventos")
    graficos.enteros(fig, datos[valor].max(), "x")
    return graficos.estilo(fig, alto=max(240, 30 * len(datos) + 80), leyenda=False)


def _elegir_organizacion(filtros, opciones) -> str | None:
    todas = list(opciones.organizacion)
    if not todas:
        return None
    if st.session_state.get(CLAVE_ORG) not in todas:
        candidata = filtros.organizacion[0] if filtros.organizacion else None
        if candidata is None:
            top = _datos.consultar("resumen.socios_principales", filtros, n=1)
            candidata = top["organizacion"].iloc[0] if len(top) else todas[0]
        st.session_state[CLAVE_ORG] = candidata
    return st.selectbox("Organización", todas, key=CLAVE_ORG,
                        help="Escriba para buscar. Incluye las organizaciones halladas fuera del catálogo.")


def _ficha(perfil: dict, organizacion: str) -> bool:
    if not perfil:
        st.info("No se encontró la organización.")
        return False
    nombre = perfil.get("nombre") or organizacion
    sigla = perfil.get("sigla")
    st.subheader(formato.escapar_markdown(f"{nombre} ({sigla})" if sigla else nombre), anchor=False)
    c1, c2, c3 = st.columns(3)
    c1.metric("Eventos", formato.numero(perfil.get("eventos", 0)), border=True,
              help="Eventos en los que participó, con los demás filtros vigentes.")
    c2.metric("Primer evento", formato.fecha_corta(perfil.get("primera_fecha"), "—"), border=True)
    c3.metric("Último evento", formato.fecha_corta(perfil.get("ultima_fecha"), "—"), border=True)
    st.caption(f"Tipo: {formato.tipo_organizacion(perfil.get('tipo'))}.")
    if not perfil.get("en_catalogo"):
        st.caption(":material/new_releases: Organización hallada en las notas por el patrón «Nombre (SIGLA)»; "
                   "aún no está en el catálogo (ver Calidad de datos).")
    return int(perfil.get("eventos") or 0) > 0


def _cuando_donde(vista, base, organizacion: str) -> None:
    izquierda, derecha = st.columns(2, gap="large")
    with izquierda:
        st.markdown("**Eventos por mes**")
        linea = vista.linea
        if linea.empty:
            st.info("Sus eventos no tienen fecha.")
        else:
            etiquetas = [formato.etiqueta_periodo(p) for p in linea["periodo"]]
            fig = go.Figure(go.Bar(x=linea["periodo"], y=linea["eventos"], marker_color=graficos.COLORES[0],
                                   customdata=list(zip(etiquetas, strict=True)),
                                   hovertemplate="%{customdata[0]}: %{y:,} eventos<extra></extra>"))
            fig.update_yaxes(title="Eventos")
            graficos.enteros(fig, linea["eventos"].max())
            graficos.eje_tiempo(fig, linea["periodo"])
            graficos.estilo(fig, alto=320, leyenda=False)
            graficos.mostrar(fig, linea.assign(mes=etiquetas)[["mes", "eventos"]], base,
                             f"linea_{organizacion}", "g_org_linea", columnas={"mes": "Mes", "eventos": "Eventos"})
    with derecha:
        st.markdown("**Dónde**")
        regiones = vista.regiones
        if regiones.empty:
            st.info("Sin eventos.")
        else:
            graficos.mostrar(_barras(regiones, "region", "eventos", graficos.COLORES[2]), regiones, base,
                             f"regiones_{organizacion}", "g_org_regiones",
                             al_seleccionar=graficos.seleccion("g_org_regiones", "region"), modo="points",
                             columnas={"region": "Región", "eventos": "Eventos"})


def _temas_socios(vista, base, organizacion: str) -> None:
    izquierda, derecha = st.columns(2, gap="large")
    with izquierda:
        st.markdown("**Temas**")
        temas = vista.temas
        if temas.empty:
            st.info("Sus eventos no tienen temas identificados.")
        else:
            graficos.mostrar(_barras(temas, "tema", "eventos", graficos.COLORES[3]), temas, base,
                             f"temas_{organizacion}", "g_org_temas",
                             al_seleccionar=graficos.seleccion("g_org_temas", "tema"), modo="points",
                             columnas={"tema": "Tema", "eventos": "Eventos"})
    with derecha:
        st.markdown("**Socios** (con quién comparte eventos)")
        socios = vista.socios
        if socios.empty:
            st.info("No comparte eventos con otras organizaciones.")
        else:
            graficos.mostrar(_barras(socios, "socio", "eventos", graficos.COLORES[1]),
                             socios.assign(tipo=socios["tipo"].map(formato.tipo_organizacion)), base,
                             f"socios_{organizacion}", "g_org_socios", al_seleccionar=_elegir_socio, modo="points",
                             columnas={"socio": "Organización socia", "sigla": "Sigla", "tipo": "Tipo",
                                       "eventos": "Eventos compartidos"})
            graficos.pista_clic("Haga clic en un socio para ver su perfil.")


def _eventos_org(eventos) -> None:
    st.subheader("Sus eventos y la oración que la menciona", anchor=False)
    if eventos.empty:
        graficos.sin_datos("org_eventos")
        return
    if len(eventos) >= LIMITE_EVENTOS:
        st.caption(f"Se muestran los {formato.numero(LIMITE_EVENTOS)} más recientes.")
    elegido = _eventos.tabla_eventos(eventos, "t_org_eventos",
                                     ["fecha", "titulo", "oficina", "region", "mencion", "evidencia"], alto=360)
    _eventos.seccion_evento(elegido)


def pagina() -> None:
    """Dibuja la página Organizaciones."""
    filtros = _filtros.actuales()
    opciones = _datos.opciones()
    st.title("Organizaciones", anchor=False)
    st.caption("El perfil de una organización socia: cuándo y dónde trabajó con la Cancillería, en qué temas y "
               "con quién más.")
    organizacion = _elegir_organizacion(filtros, opciones)
    if organizacion is None:
        graficos.sin_datos("org", "La base no tiene organizaciones.")
        return
    # El perfil respeta los demás filtros, pero no el de organización (sería contradictorio).
    base = filtros.con(organizacion=())
    if filtros.organizacion:
        st.caption("El filtro de organización de la barra lateral no se aplica aquí: elija la organización arriba.")
    # Una sola consulta (una lectura filtrada de sus eventos) trae ficha, gráficos, socios y eventos.
    vista = _datos.consultar("organizaciones.panorama", base, organizacion, granularidad="mes",
                             limite=LIMITE_EVENTOS, n_socios=15)
    if not _ficha(vista.perfil, organizacion):
        graficos.sin_datos("org_ficha", "Esta organización no tiene eventos que coincidan con los filtros.")
        return
    # Solo corre y se dibuja la pestaña abierta (ver _pestanas).
    cuando, temas, eventos = st.tabs(_pestanas.ORGANIZACIONES.nombres, key=_pestanas.ORGANIZACIONES.clave,
                                     on_change="rerun")
    if cuando.open:
        with cuando:
            _cuando_donde(vista, base, organizacion)
    if temas.open:
        with temas:
            _temas_socios(vista, base, organizacion)
    if eventos.open:
        with eventos:
            _eventos_org(vista.eventos)


pagina()
