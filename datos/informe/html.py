"""El informe como un solo archivo HTML: estilos, datos y plotly.js incluidos (se abre sin internet).

Todo texto que viene de las notas (títulos, nombres, oraciones) pasa por `html.escape`; los enlaces solo se
arman con direcciones http(s). plotly.js va una sola vez, con el primer gráfico (`include_plotlyjs=True`).
"""

from __future__ import annotations

import datetime as dt
import math
from html import escape

import pandas as pd
import plotly.graph_objects as go

from datos.informe import figuras
from datos.informe.modelo import DatosInforme

CONFIG = {"displaylogo": False, "responsive": True}
FUENTE = "Fuente: notas de prensa del Ministerio de Relaciones Exteriores del Perú, procesadas con Articula."
CIFRAS = (("eventos", "Eventos"), ("organizaciones", "Organizaciones"), ("oficinas", "Oficinas"),
          ("regiones", "Regiones"), ("paises", "Países"))
_CSS = """
body{font-family:"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d1d1f;margin:0;background:#f6f6f4}
main{max-width:1100px;margin:0 auto;padding:24px 28px 48px;background:#fff}
header{border-bottom:4px solid #B3261E;margin-bottom:18px;padding-bottom:10px}
h1{font-size:1.7rem;margin:0 0 4px}h2{font-size:1.25rem;margin:28px 0 6px;color:#7F1D16}
.meta{color:#555;font-size:.92rem;margin:2px 0}.nota{color:#666;font-size:.85rem;margin:4px 0 0}
.cifras{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.cifra{flex:1 1 150px;border:1px solid #e2e2e2;border-radius:8px;padding:10px 14px}
.cifra b{display:block;font-size:1.8rem}.cifra span{color:#555}
table{border-collapse:collapse;width:100%;font-size:.88rem;margin-top:6px}
th,td{border-bottom:1px solid #e6e6e6;padding:5px 6px;text-align:left;vertical-align:top}
th{background:#faf2f1}td.n{text-align:right;white-space:nowrap}
.grafico{min-height:240px}.vacio{color:#666;font-style:italic}
@media print{body{background:#fff}main{padding:0}.grafico{break-inside:avoid}h2{break-after:avoid}}
"""


def _numero(valor: object) -> str:
    try:
        if valor is None or (isinstance(valor, float) and math.isnan(valor)):
            return "0"
        return f"{int(valor):,}"
    except (TypeError, ValueError):
        return "0"


def _fecha(valor: object) -> str:
    if valor is None or (not isinstance(valor, str) and pd.isna(valor)):
        return "sin fecha"
    try:
        f = pd.Timestamp(valor)
    except (TypeError, ValueError):
        return escape(str(valor))
    return f"{f.day} {figuras.MESES[f.month - 1]} {f.year}"


def _texto(valor: object) -> str:
    if valor is None or (not isinstance(valor, str) and pd.isna(valor)):
        return ""
    return escape(str(valor))


def _enlace(url: object, archivo: object) -> str:
    if isinstance(url, str) and url.lower().startswith(("https://", "http://")):
        return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{escape(url)}</a>'
    return _texto(archivo)


class _Graficos:
    """Convierte figuras a HTML: la primera lleva plotly.js completo, las demás lo reutilizan."""

    def __init__(self) -> None:
        self.primero = True

    def __call__(self, fig: go.Figure, ident: str) -> str:
        cuerpo = fig.to_html(full_html=False, include_plotlyjs=self.primero, config=CONFIG, div_id=ident)
        self.primero = False
        return f'<div class="grafico">{cuerpo}</div>'


def _tabla(df: pd.DataFrame, columnas: list[tuple[str, str, str]]) -> str:
    """columnas: (campo, encabezado, formato: 'texto' | 'numero' | 'fecha')."""
    cabeza = "".join(f"<th>{escape(t)}</th>" for _, t, _ in columnas)
    filas = []
    for _, fila in df.iterrows():
        celdas = []
        for campo, _, formato in columnas:
            valor = fila.get(campo)
            if formato == "numero":
                celdas.append(f'<td class="n">{_numero(valor)}</td>')
            elif formato == "fecha":
                celdas.append(f'<td class="n">{_fecha(valor)}</td>')
            else:
                celdas.append(f"<td>{_texto(valor)}</td>")
        filas.append("<tr>" + "".join(celdas) + "</tr>")
    return f"<table><thead><tr>{cabeza}</tr></thead><tbody>{''.join(filas)}</tbody></table>"


def _vacio(mensaje: str = "No hay datos para los filtros elegidos.") -> str:
    return f'<p class="vacio">{escape(mensaje)}</p>'


def _cifras(d: DatosInforme) -> str:
    fila = d.cifras.iloc[0] if not d.cifras.empty else {}
    tarjetas = "".join(
        f'<div class="cifra"><b>{_numero(fila.get(c) if len(fila) else 0)}</b><span>{escape(t)}</span></div>'
        for c, t in CIFRAS
    )
    return f'<section id="cifras"><h2>Cifras clave</h2><div class="cifras">{tarjetas}</div></section>'


def _novedades(d: DatosInforme) -> str:
    partes = [f'<section id="novedades"><h2>Novedades</h2><p class="nota">Periodo: {escape(d.periodo_novedades)}'
              "</p>"]
    partes.append("<h3>Organizaciones que aparecen por primera vez</h3>")
    partes.append(_tabla(d.novedades_organizaciones, [("organizacion", "Organización", "texto"),
                                                      ("primera_fecha", "Primera vez", "fecha"),
                                                      ("eventos", "Eventos", "numero")])
                  if not d.novedades_organizaciones.empty else _vacio("Ninguna organización nueva en el periodo."))
    partes.append("<h3>Pares que más trabajaron juntos frente al periodo anterior</h3>")
    partes.append(_tabla(d.novedades_pares, [("organizacion_a", "Organización", "texto"),
                                             ("organizacion_b", "Organización", "texto"),
                                             ("eventos", "Eventos en el periodo", "numero"),
                                             ("eventos_anterior", "Periodo anterior", "numero")])
                  if not d.novedades_pares.empty else _vacio("Ningún par aumentó su trabajo conjunto."))
    partes.append("<h3>Regiones sin actividad en los últimos seis meses</h3>")
    if d.novedades_regiones.empty:
        partes.append(_vacio("Todas las regiones tuvieron actividad."))
    else:
        partes.append(_tabla(d.novedades_regiones, [("region", "Región", "texto"),
                                                    ("ultima_fecha", "Último evento", "fecha")]))
    partes.append("</section>")
    return "".join(partes)


def construir_html(d: DatosInforme) -> str:
    """El documento completo, listo para guardar como `.html`."""
    grafico = _Graficos()
    generado = d.generado
    cuando = f"{generado.day} de {figuras.MESES_LARGOS[generado.month - 1]} de {generado.year}, {generado:%H:%M}"
    s = [
        "<!DOCTYPE html>",
        '<html lang="es-PE"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Informe Articula</title>",
        f"<style>{_CSS}</style></head><body><main>",
        "<header><h1>Articulación interinstitucional de la Cancillería</h1>",
        f'<p class="meta"><b>Filtros:</b> {escape(d.descripcion)}</p>',
        f'<p class="meta">Generado el {escape(cuando)} · {escape(FUENTE)}</p></header>',
        _cifras(d),
        '<section id="linea-de-tiempo"><h2>Eventos por mes</h2>',
        grafico(figuras.por_mes(d.por_mes), "g-por-mes") if not d.por_mes.empty else _vacio(),
        '<p class="nota">Solo eventos con fecha.</p></section>',
        '<section id="regiones"><h2>Regiones</h2>',
        grafico(figuras.regiones(d.regiones), "g-regiones") if not d.regiones.empty else _vacio(),
        "</section>",
        '<section id="socios"><h2>Socios principales</h2>',
        grafico(figuras.socios(d.socios), "g-socios") if not d.socios.empty else _vacio(),
        "</section>",
        '<section id="pares"><h2>Pares de organizaciones que más trabajan juntas</h2>',
        _tabla(d.pares, [("organizacion_a", "Organización", "texto"), ("organizacion_b", "Organización", "texto"),
                         ("eventos", "Eventos compartidos", "numero")]) if not d.pares.empty else _vacio(),
        "</section>",
        '<section id="temas"><h2>Temas</h2>',
        grafico(figuras.temas(d.temas), "g-temas") if not d.temas.empty else _vacio(),
        '<p class="nota">Un evento puede tratar varios temas.</p></section>',
        _novedades(d),
        '<section id="eventos"><h2>Eventos y sus fuentes</h2>',
    ]
    if len(d.eventos) < d.total_eventos:
        s.append(f'<p class="nota">Se listan los {_numero(len(d.eventos))} más recientes de '
                 f"{_numero(d.total_eventos)} eventos.</p>")
    if d.eventos.empty:
        s.append(_vacio())
    else:
        filas = []
        for _, e in d.eventos.iterrows():
            filas.append(
                f'<tr><td class="n">{_fecha(e.get("fecha"))}</td><td>{_texto(e.get("titulo"))}</td>'
                f'<td>{_texto(e.get("oficina"))}</td><td>{_texto(e.get("region")) or _texto(e.get("pais"))}</td>'
                f'<td>{_texto(e.get("organizaciones"))}</td><td>{_enlace(e.get("url"), e.get("archivo"))}</td></tr>'
            )
        s.append("<table><thead><tr><th>Fecha</th><th>Título</th><th>Oficina</th><th>Lugar</th>"
                 "<th>Organizaciones</th><th>Fuente</th></tr></thead><tbody>" + "".join(filas) + "</tbody></table>")
    s.append("</section></main></body></html>")
    return "\n".join(s)


def nombre_archivo(base: str = "informe", fecha: dt.date | None = None) -> str:
    return f"{base}_{(fecha or dt.date.today()).isoformat()}.html"
