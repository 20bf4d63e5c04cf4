"""Qué consulta cada vista del tablero y con qué filtros se mide (conjunto fijo y sembrado).

Las vistas llaman a `consultas/` igual que sus páginas; así la latencia medida es
la que ve una persona al cambiar un filtro (sin la caché de Streamlit).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from consultas import (
    calidad,
    coparticipacion,
    eventos,
    linea_tiempo,
    novedades,
    organizaciones,
    regiones,
    resumen,
    temas,
)
from consultas.filtros import Filtros
from consultas.opciones import Opciones

LIMITE_LISTA = 1_000  # filas que muestra una tabla de eventos
LIMITE_ORGANIZACION = 500  # eventos de la organización que muestra su página (paginas/organizaciones.py)

Consulta = tuple[str, Callable[[Filtros], Any]]


def _org_de(f: Filtros, respaldo: str) -> str:
    return f.organizacion[0] if f.organizacion else respaldo


def consultas_por_vista(org_principal: str) -> dict[str, list[Consulta]]:
    """Vista → [(nombre, función de Filtros)] con las consultas que corre su página."""
    return {
        "resumen": [
            ("cifras_con_anterior", resumen.cifras_con_anterior),  # y las del periodo anterior si hay rango de años
            ("socios_principales", lambda f: resumen.socios_principales(f, 10)),
            ("eventos_por_mes", lambda f: linea_tiempo.eventos_por_periodo(f, "mes")),
            ("ultimos_eventos", lambda f: resumen.ultimos_eventos(f, 10)),
            # Sección «Novedades» (paginas/_novedades.py): la página corre `novedades.seccion`, que calcula el
            # periodo una vez y hace estas tres consultas; aquí cada una por separado (y con su periodo).
            ("organizaciones_nuevas", lambda f: novedades.organizaciones_nuevas(f, 10)),
            ("pares_en_alza", lambda f: novedades.pares_en_alza(f, 10)),
            ("regiones_sin_actividad", novedades.regiones_sin_actividad),
        ],
        "linea_de_tiempo": [
            ("por_mes_y_region", lambda f: linea_tiempo.eventos_por_periodo(f, "mes", "region")),
            ("por_semana_y_organizacion", lambda f: linea_tiempo.eventos_por_periodo(f, "semana", "organizacion")),
            ("contar_eventos", eventos.contar_eventos),
            ("lista_eventos", lambda f: eventos.lista_eventos(f, LIMITE_LISTA)),
        ],
        "regiones": [
            ("eventos_por_region", regiones.eventos_por_region),
            ("eventos_por_pais", regiones.eventos_por_pais),
        ],
        "coparticipacion": [  # matriz 15, red 30, pares 20, socios de la primera de la red y siglas de 50
            ("panorama", lambda f: coparticipacion.panorama(f, 15, 30, 20, None, 20, 50)),
        ],
        "temas": [
            ("temas_por_periodo", lambda f: temas.temas_por_periodo(f, "mes")),
            ("temas_por_region", temas.temas_por_region),
        ],
        "organizaciones": [  # la página: la organización elegida, con los demás filtros (sin el de organización)
            ("panorama", lambda f: organizaciones.panorama(f.con(organizacion=()), _org_de(f, org_principal), "mes",
                                                          LIMITE_ORGANIZACION, 15)),
        ],
        "explorador": [
            ("contar_eventos", eventos.contar_eventos),
            ("lista_eventos", lambda f: eventos.lista_eventos(f, LIMITE_LISTA)),
        ],
        "calidad": [
            ("resumen_calidad", lambda f: calidad.resumen_calidad()),
            ("notas_sin_fecha", calidad.notas_sin_fecha),
            ("fuera_de_catalogo", calidad.fuera_de_catalogo),
            ("rechazos", lambda f: calidad.rechazos()),
        ],
    }


def combinaciones(
    op: Opciones, frecuentes: tuple[str, ...] = (), semilla: int = 2024, extra: int = 6
) -> list[tuple[str, Filtros]]:
    """Filtros de la medición: ninguno, una región, un año, una organización, un tema, varios a la vez,
    y `extra` combinaciones al azar (sembradas) de 1 a 4 campos. `frecuentes`: organizaciones con más
    eventos (las que una persona elige de verdad); si falta, cualquiera de las conocidas."""
    rng = random.Random(semilla)
    orgs = tuple(frecuentes) or op.organizacion
    anios = list(range(op.anio_min or 2020, (op.anio_max or 2024) + 1))

    def uno(valores: tuple[str, ...]) -> tuple[str, ...]:
        return (rng.choice(valores),) if valores else ()

    anio = rng.choice(anios)
    salida = [
        ("ninguno", Filtros()),
        ("una_region", Filtros(region=uno(op.region))),
        ("un_anio", Filtros(anio_desde=anio, anio_hasta=anio)),
        ("una_organizacion", Filtros(organizacion=uno(orgs))),
        ("un_tema", Filtros(tema=uno(op.tema))),
        ("varios", Filtros(anio_desde=anios[len(anios) // 2], anio_hasta=anios[-1], region=uno(op.region),
                           organizacion=uno(orgs), tema=uno(op.tema))),
    ]
    campos = ("region", "pais", "oficina", "tipo_oficina", "organizacion", "tema", "tipo_evento", "anio")
    for k in range(extra):
        elegidos = rng.sample(campos, rng.randint(1, 4))
        cambios: dict[str, Any] = {}
        for c in elegidos:
            if c == "anio":
                a = rng.choice(anios)
                cambios.update(anio_desde=a, anio_hasta=min(a + rng.randint(0, 2), anios[-1]))
            else:
                valores = orgs if c == "organizacion" else getattr(op, c)
                if valores:
                    cambios[c] = tuple(rng.sample(valores, min(len(valores), rng.randint(1, 2))))
        salida.append((f"azar_{k + 1}", Filtros(**cambios)))
    return salida


def cronometrar(fn: Callable[[], Any]) -> float:
    """Segundos de una llamada."""
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def percentil(valores: list[float], p: float) -> float:
    """Percentil por interpolación lineal (sin numpy: lo usa también el proceso hijo)."""
    if not valores:
        return float("nan")
    orden = sorted(valores)
    k = (len(orden) - 1) * p / 100
    i = int(k)
    j = min(i + 1, len(orden) - 1)
    return orden[i] + (orden[j] - orden[i]) * (k - i)
