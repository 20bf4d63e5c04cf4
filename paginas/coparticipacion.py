"""Coparticipación: qué organizaciones participan juntas en los mismos eventos (matriz, pares, red y socios)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from paginas import _datos, _eventos, _filtros, _pestanas, _red
from paginas import _formato as formato
from paginas import _graficos as graficos

CLAVE_ORG = "cp_organizacion"
CLAVE_PAR = "cp_par"


def _corto(nombre: str, siglas: dict[str, str], largo: int = 30) -> str:
    etiqueta = siglas.get(nombre)
    etiqueta = etiqueta if isinstance(etiqueta, str) and etiqueta else nombre
    return etiqueta if len(etiqueta) <= largo else etiqueta[: largo - 1] + "…"


def _unicas(nombres: list[str], siglas: dict[str, str], largo: int = 30) -> list[str]:
    """Etiquetas cortas sin repetir: si dos se recortan igual, se usa el nombre completo (plotly las fundiría)."""
    cortas = [_corto(n, siglas, largo) for n in nombres]
    repetidas = {c for c in cortas if cortas.count(c) > 1}
    return [n if c in repetidas else c for n, c in zip(nombres, cortas, strict=True)]


def _siglas(socios: pd.DataFrame) -> dict[str, str]:
    return {o: s for o, s in zip(socios["organizacion"], socios["sigla"], strict=True) if isinstance(s, str) and s}


def _elegir_par(clave_grafico: str) -> None:
    estado = st.session_state.get(clave_grafico) or {}
    puntos = (estado.get("selection") or {}).get("points") or []
    for punto in puntos:
        dato = punto.get("customdata")
        if isinstance(dato, list | tuple) and len(dato) >= 2 and dato[0] != dato[1]:
            st.session_state[CLAVE_PAR] = (str(dato[0]), str(dato[1]))
            st.session_state[CLAVE_ORG] = str(dato[0])
            return


def _elegir_org(clave_grafico: str) -> None:
    estado = st.session_state.get(clave_grafico) or {}
    puntos = (estado.get("selection") or {}).get("points") or []
    valores = [_filtros.valor_de_punto(p) for p in puntos]
    valores = [v for v in valores if isinstance(v, str) and v]
    if valores:
        st.session_state[CLAVE_ORG] = valores[0]


def _orden(matriz: pd.DataFrame) -> list[str]:
    orden = matriz.attrs.get("orden")
    if orden:
        return [str(o) for o in orden]
    if "orden_fila" in matriz.columns:
        return list(matriz.drop_duplicates("fila").sort_values("orden_fila")["fila"])
    return list(dict.fromkeys(matriz["fila"]))


def _matriz(filtros, matriz: pd.DataFrame, siglas: dict[str, str]) -> None:
    st.subheader("¿Quién participa con quién?", anchor=False)
    if matriz.empty:
        graficos.sin_datos("matriz", "Ningún evento filtrado tiene organizaciones participantes.")
        return
    orden = _orden(matriz)
    tabla = matriz.pivot_table(index="fila", columns="columna", values="eventos", aggfunc="sum").reindex(
        index=orden, columns=orden).fillna(0)
    propios = {o: int(tabla.loc[o, o]) for o in orden}
    z = np.array(tabla.to_numpy(dtype=float), copy=True)
    np.fill_diagonal(z, np.nan)  # la diagonal (eventos propios) aplastaría la escala de colores
    if "etiqueta_fila" in matriz.columns:
        siglas = {**siglas, **dict(zip(matriz["fila"], matriz["etiqueta_fila"], strict=True))}
    etiquetas = [f"{e} ({propios[o]})" for o, e in zip(orden, _unicas(orden, siglas), strict=True)]
    n = len(orden)
    texto = [[f"{orden[i]} y {orden[j]}: {int(tabla.iat[i, j])} eventos compartidos" if i != j
              else f"{orden[i]}: {propios[orden[i]]} eventos en total" for j in range(n)] for i in range(n)]
    fig = go.Figure(go.Heatmap(
        z=z, x=etiquetas, y=etiquetas, colorscale=graficos.ESCALA, hoverongaps=False,
        text=texto, hovertemplate="%{text}<extra></extra>", xgap=1, ygap=1,
        colorbar={"title": {"text": "Eventos<br>compartidos"}, "thickness": 12,
                  **graficos.barra_de_colores_entera(np.nanmax(z) if np.isfinite(z).any() else 0)},
    ))
    # Puntos transparentes encima de cada celda: las celdas de un heatmap no se pueden seleccionar.
    xs, ys, datos = [], [], []
    for i in range(n):
        for j in range(n):
            if i != j and tabla.iat[i, j] > 0:
                xs.append(etiquetas[j])
                ys.append(etiquetas[i])
                datos.append((orden[i], orden[j], texto[i][j]))
    fig.add_scatter(x=xs, y=ys, mode="markers", marker={"size": 14, "opacity": 0}, customdata=datos,
                    hovertemplate="%{customdata[2]}<extra></extra>", showlegend=False)
    fig.update_yaxes(autorange="reversed", title=None, tickfont={"size": 11})
    fig.update_xaxes(title=None, tickangle=-45, tickfont={"size": 11})
    graficos.estilo(fig, alto=max(420, 26 * n + 160), leyenda=False)
    datos_tabla = matriz[matriz["fila"] < matriz["columna"]][["fila", "columna", "eventos"]]
    datos_tabla = datos_tabla[datos_tabla["eventos"] > 0].sort_values("eventos", ascending=False)
    graficos.mostrar(
        fig, datos_tabla, filtros, "coparticipacion_matriz", "g_matriz",
        al_seleccionar=lambda: _elegir_par("g_matriz"), modo="points",
        columnas={"fila": "Organización", "columna": "Organización socia", "eventos": "Eventos compartidos"},
        nota="Ordenadas para que los grupos que trabajan juntos queden próximos; entre paréntesis, los eventos "
             "de cada organización.",
    )
    graficos.pista_clic("Haga clic en una celda para ver los eventos que comparten esas dos organizaciones.")


def _pares(pares: pd.DataFrame) -> None:
    st.subheader("Pares más frecuentes", anchor=False)
    if pares.empty:
        st.info("No hay eventos con dos o más organizaciones participantes.")
        return
    def al_elegir() -> None:
        filas = ((st.session_state.get("t_pares") or {}).get("selection") or {}).get("rows") or []
        if filas and filas[0] < len(pares):
            fila = pares.iloc[filas[0]]
            st.session_state[CLAVE_PAR] = (str(fila["organizacion_a"]), str(fila["organizacion_b"]))

    st.dataframe(
        pares, hide_index=True, width="stretch", key="t_pares", on_select=al_elegir, selection_mode="single-row",
        column_config={
            "organizacion_a": st.column_config.TextColumn("Organización"),
            "organizacion_b": st.column_config.TextColumn("Organización"),
            "eventos": st.column_config.ProgressColumn("Eventos compartidos", format="%d", min_value=0,
                                                       max_value=int(pares["eventos"].max())),
        },
    )
    st.caption(":material/touch_app: Elija un par para ver sus eventos compartidos (abajo).")


def _eventos_del_par(filtros) -> None:
    par = st.session_state.get(CLAVE_PAR)
    if not par:
        return
    a, b = par
    eventos = _datos.consultar("eventos.lista_eventos", filtros.con(organizacion=(a,)), limite=5000)

    def participa(lista: object) -> bool:
        return isinstance(lista, str) and b in [x.strip() for x in lista.split(", ")]

    compartidos = eventos[eventos["organizaciones"].map(participa)] if len(eventos) else eventos
    st.markdown(formato.escapar_markdown(f"Eventos de {a} con {b}: {len(compartidos)}"))
    if st.button("Cerrar", key="cerrar_par", icon=":material/close:"):
        st.session_state.pop(CLAVE_PAR, None)
        st.rerun()
    elegido = _eventos.tabla_eventos(compartidos, "t_par", ["fecha", "titulo", "oficina", "region", "pais",
                                                           "organizaciones"])
    _eventos.seccion_evento(elegido)


@st.cache_data(show_spinner=False, max_entries=64)
def _disposicion(nombres: tuple[str, ...], aristas: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """La disposición de la red (~0,1 s de numpy), una vez por red: volver a la pestaña no la recalcula."""
    return _red.disposicion(list(nombres), aristas)


def _red_grafico(filtros, nodos: pd.DataFrame, aristas: pd.DataFrame, siglas: dict[str, str]) -> None:
    st.subheader("Red de coparticipación", anchor=False)
    if nodos.empty:
        graficos.sin_datos("red", "Ningún evento filtrado tiene organizaciones participantes.")
        return
    nombres = list(nodos["organizacion"])
    pos = _disposicion(tuple(nombres), aristas)
    fig = go.Figure()
    if len(aristas):
        maximo = float(aristas["eventos"].max())
        cortes = np.unique(np.quantile(aristas["eventos"], [0.0, 0.5, 0.8, 0.95, 1.0]))
        for i, (lo, hi) in enumerate(zip(cortes[:-1], cortes[1:], strict=True)):
            tramo = aristas[(aristas["eventos"] >= lo) & ((aristas["eventos"] < hi) | (i == len(cortes) - 2))]
            xs: list[float | None] = []
            ys: list[float | None] = []
            for fila in tramo.itertuples(index=False):
                if fila.organizacion_a in pos and fila.organizacion_b in pos:
                    (x0, y0), (x1, y1) = pos[fila.organizacion_a], pos[fila.organizacion_b]
                    xs += [x0, x1, None]
                    ys += [y0, y1, None]
            fig.add_scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", showlegend=False,
                            line={"width": 0.8 + 6 * float(hi) / maximo, "color": "rgba(100,116,139,0.45)"})
    maximo_nodo = float(nodos["eventos"].max()) or 1.0
    for i, (tipo, grupo) in enumerate(nodos.groupby(nodos["tipo"].fillna(""), sort=True)):
        fig.add_scatter(
            x=[pos[o][0] for o in grupo["organizacion"]], y=[pos[o][1] for o in grupo["organizacion"]],
            mode="markers+text", name=formato.tipo_organizacion(tipo),
            text=[_corto(o, siglas, 18) for o in grupo["organizacion"]], textposition="top center",
            textfont={"size": 11},
            marker={"size": 10 + 30 * np.sqrt(grupo["eventos"] / maximo_nodo),
                    "color": graficos.COLORES[i % len(graficos.COLORES)], "line": {"color": "white", "width": 1}},
            customdata=grupo[["organizacion", "eventos"]].to_numpy(),
            hovertemplate="%{customdata[0]}<br>%{customdata[1]:,} eventos<extra></extra>",
        )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x")
    graficos.estilo(fig, alto=620)
    datos = aristas.rename(columns={"organizacion_a": "Organización", "organizacion_b": "Organización socia",
                                    "eventos": "Eventos compartidos"})
    graficos.mostrar(
        fig, datos, filtros, "coparticipacion_red", "g_red",
        al_seleccionar=lambda: _elegir_org("g_red"), modo="points",
        nota="Círculos: organizaciones (tamaño según sus eventos, color según su tipo). Líneas: eventos compartidos "
             "(más gruesas, más eventos). Muestra las 30 organizaciones con más eventos.",
    )
    graficos.pista_clic("Haga clic en una organización para ver sus socios aquí abajo.")


def _socios(filtros, opciones_org: list[str], vista) -> None:
    st.subheader("Socios de una organización", anchor=False)
    if not opciones_org:
        return
    if st.session_state.get(CLAVE_ORG) not in opciones_org:
        st.session_state[CLAVE_ORG] = opciones_org[0]
    organizacion = st.selectbox("Organización", opciones_org, key=CLAVE_ORG)
    if organizacion == vista.organizacion:  # los socios ya vinieron en la consulta de la página
        socios = vista.socios
    else:
        socios = _datos.consultar("coparticipacion.socios_de", filtros, organizacion, n=20)
    if socios.empty:
        st.info(formato.escapar_markdown(f"{organizacion} no comparte eventos con otras organizaciones "
                                         "con los filtros actuales."))
        return
    socios = socios.sort_values("eventos")
    socios_siglas = dict(zip(socios["socio"], socios["sigla"], strict=True)) if "sigla" in socios else {}
    fig = go.Figure(go.Bar(
        x=socios["eventos"], y=_unicas(list(socios["socio"]), socios_siglas, 24), orientation="h",
        customdata=socios[["socio"]].to_numpy(),
        marker_color=graficos.COLORES[1], text=socios["eventos"].map(formato.numero), textposition="outside",
        textangle=0, cliponaxis=False,
        hovertemplate="%{customdata[0]}: %{x:,} eventos compartidos<extra></extra>",
    ))
    fig.update_xaxes(title="Eventos compartidos")
    graficos.enteros(fig, socios["eventos"].max(), "x")
    graficos.estilo(fig, alto=max(260, 28 * len(socios) + 80), leyenda=False)
    datos = socios.sort_values("eventos", ascending=False).assign(tipo=lambda d: d["tipo"].map(
        formato.tipo_organizacion))
    graficos.mostrar(
        fig, datos, filtros, f"socios_{organizacion}", "g_socios_de",
        al_seleccionar=lambda: _elegir_org("g_socios_de"), modo="points",
        columnas={"socio": "Organización socia", "tipo": "Tipo", "eventos": "Eventos compartidos"},
    )
    graficos.pista_clic("Haga clic en una barra para ver los socios de esa organización.")


def pagina() -> None:
    """Dibuja la página Coparticipación."""
    filtros = _filtros.actuales()
    st.title("Coparticipación", anchor=False)
    st.caption("Organizaciones que participan juntas en los mismos eventos: socios frecuentes y grupos de trabajo.")
    if not graficos.hay_eventos(filtros):
        return
    top_n = st.slider("Organizaciones en la matriz", min_value=5, max_value=40, value=15, step=1, key="cp_top",
                      help="Las N organizaciones con más eventos con los filtros actuales.")
    # Una sola consulta trae matriz, red, pares, siglas y los socios de la organización elegida.
    vista = _datos.consultar("coparticipacion.panorama", filtros, top_matriz=top_n, top_red=30, n_pares=20,
                             organizacion=st.session_state.get(CLAVE_ORG), n_socios=20,
                             n_principales=max(top_n, 50))
    siglas = _siglas(vista.principales)
    # Solo corre y se dibuja la pestaña abierta (ver _pestanas).
    matriz, red, pares = st.tabs(_pestanas.COPARTICIPACION.nombres, key=_pestanas.COPARTICIPACION.clave,
                                 on_change="rerun")
    if matriz.open:
        with matriz:
            _matriz(filtros, vista.matriz, siglas)
            _eventos_del_par(filtros)
    if red.open:
        with red:
            izquierda, derecha = st.columns([3, 2], gap="large")
            with izquierda:
                _red_grafico(filtros, vista.nodos, vista.aristas, siglas)
            with derecha:
                _socios(filtros, list(vista.nodos["organizacion"]) if len(vista.nodos) else [], vista)
    if pares.open:
        with pares:
            _pares(vista.pares)
            _eventos_del_par(filtros)


pagina()
