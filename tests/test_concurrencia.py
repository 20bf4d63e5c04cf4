"""Veinte sesiones a la vez mientras corre una construcción (issue 5).

Una sola prueba, en tres fases, sobre una base con el corpus (versión A) a la que otro proceso le
agrega las notas de `tests/notas_hostiles/` (versión B) con `python -m datos construir`:

1. La construcción queda detenida justo antes del reemplazo (gancho `ARTICULA_PAUSA_PRUEBA=cerrada`
   + SIGSTOP): veinte hilos consultan a la vez las vistas de todas las páginas con filtros distintos
   y sesiones completas del tablero (`AppTest`) se abren: todo es idéntico a lo que da una sola
   consulta o sesión con la versión A. El tablero sigue sirviendo los datos anteriores.
2. La construcción sigue y reemplaza la base mientras los veinte hilos consultan sin parar: cada
   respuesta es la de A o la de B (nunca otra cosa ni un error) y, una vez vista B, nunca vuelve A.
3. Las mismas sesiones, sin reiniciar nada, vuelven a ejecutarse: ven lo mismo que una sesión nueva
   con la versión B (la nueva cantidad de eventos aparece sin reiniciar el tablero).

Las sesiones `AppTest` corren en serie: en Python 3.11 varias a la vez fallan dentro de Streamlit
(«AST constructor recursion depth mismatch», y `switch_page` en hilos devuelve páginas vacías); la
concurrencia real del servidor se prueba con veinte contextos de navegador en test_navegador_hostil.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_texto_hostil import NOTAS_HOSTILES, nuevo_apptest

RAIZ = Path(__file__).resolve().parent.parent
SESIONES = 20


def _limpiar_cache() -> None:
    import streamlit as st

    st.cache_data.clear()


def _combinaciones() -> list[dict]:
    """Filtros de la URL distintos (uno por sesión), con valores que existen en la base."""
    from consultas.opciones import opciones

    op = opciones()
    return [
        {},
        {"region": op.region[0]},
        {"region": list(op.region[1:3])},
        {"anio_desde": str(op.anio_max)},
        {"anio_hasta": str(op.anio_max - 1)},
        {"tema": list(op.tema[:2])},
        {"tipo_oficina": op.tipo_oficina[0], "anio_hasta": str(op.anio_max)},
        {"oficina": op.oficina[0]},
        {"organizacion": op.organizacion[0]},
        {"tipo_evento": op.tipo_evento[0]},
    ]


def _respuesta(at) -> tuple:  # noqa: ANN001
    """Lo que el usuario ve de la página: título, cifras y cada tabla (también las de 'Datos del gráfico')."""
    assert not at.exception, [e.value for e in at.exception]
    tablas = tuple(d.value.to_csv(index=False) for d in at.dataframe)
    return (at.title[0].value, tuple(m.value for m in at.metric), tablas)


def _abrir(params: dict):  # noqa: ANN202
    """Una sesión nueva del tablero abierta con esa dirección (página de inicio: Resumen)."""
    at = nuevo_apptest()
    at.query_params = params
    at.run()
    return at


def _en_hilos(funciones: list[Callable[[], object]]) -> list[object]:
    """Corre cada función en su hilo, todas a la vez; devuelve resultados o excepciones."""
    resultados: list[object] = [None] * len(funciones)
    barrera = threading.Barrier(len(funciones))

    def correr(i: int) -> None:
        barrera.wait()
        try:
            resultados[i] = funciones[i]()
        except BaseException as error:  # noqa: BLE001 - se informa en la aserción
            resultados[i] = error

    hilos = [threading.Thread(target=correr, args=(i,)) for i in range(len(funciones))]
    for h in hilos:
        h.start()
    for h in hilos:
        h.join(timeout=600)
    return resultados


def _consultas_de_prueba() -> list[Callable[[], object]]:
    """Las vistas de las otras páginas (Explorador, Línea de tiempo, Regiones, Temas, Coparticipación, Calidad)."""
    from consultas import calidad, coparticipacion, eventos, linea_tiempo, opciones, regiones, resumen, temas
    from consultas.filtros import Filtros

    op = opciones.opciones()

    def csv(fn: Callable, *a, **k) -> Callable[[], str]:  # noqa: ANN002, ANN003
        return lambda: fn(*a, **k).to_csv(index=False)

    return [
        lambda: eventos.contar_eventos(Filtros()),
        csv(eventos.lista_eventos, Filtros()),
        csv(eventos.lista_eventos, Filtros(region=op.region[:1])),
        csv(linea_tiempo.eventos_por_periodo, Filtros(), "mes", "region"),
        csv(linea_tiempo.eventos_por_periodo, Filtros(anio_desde=op.anio_max), "semana", "tema"),
        csv(regiones.eventos_por_region, Filtros()),
        csv(temas.temas_por_region, Filtros(tema=op.tema[:2])),
        csv(coparticipacion.pares_principales, Filtros()),
        csv(calidad.resumen_calidad),
        csv(calidad.notas_sin_fecha, Filtros()),
    ] + [csv(resumen.cifras, Filtros(**f)) for f in _filtros_resumen(op)]


def _filtros_resumen(op) -> list[dict]:  # noqa: ANN001
    return [{}, {"region": op.region[:1]}, {"region": op.region[1:3]}, {"anio_desde": op.anio_max},
            {"anio_hasta": op.anio_max - 1}, {"tema": op.tema[:2]}, {"tipo_oficina": op.tipo_oficina[:1]},
            {"oficina": op.oficina[:1]}, {"organizacion": op.organizacion[:1]}, {"tipo_evento": op.tipo_evento[:1]}]


def _esperar_pausa(registro: Path, proceso: subprocess.Popen, limite: float = 120) -> None:
    fin = time.monotonic() + limite
    while time.monotonic() < fin:
        if "PAUSA cerrada" in registro.read_text(encoding="utf-8", errors="replace"):
            return
        if proceso.poll() is not None:
            raise AssertionError(f"La construcción terminó antes de la pausa: {registro.read_text()}")
        time.sleep(0.05)
    raise AssertionError("La construcción no llegó a la pausa")


@pytest.fixture
def bd(bd_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    destino = tmp_path / "articula.duckdb"
    shutil.copyfile(bd_corpus, destino)
    monkeypatch.setenv("ARTICULA_DB", str(destino))
    return destino


def _errores(resultados: list[object]) -> list[BaseException]:
    return [r for r in resultados if isinstance(r, BaseException)]


def test_veinte_sesiones_mientras_se_construye(bd: Path, tmp_path: Path) -> None:
    from consultas import conexion
    from consultas.eventos import contar_eventos
    from consultas.filtros import Filtros

    combinaciones = _combinaciones()[:3]  # AppTest no es seguro entre hilos en Python 3.11: sesiones en serie
    consultas = _consultas_de_prueba()
    assert len(consultas) == SESIONES

    # Lo que ve una sesión sola con la versión A.
    _limpiar_cache()
    esperado_a = [_respuesta(_abrir(f)) for f in combinaciones]
    consultas_a = [c() for c in consultas]
    eventos_a = contar_eventos(Filtros())
    version_a = conexion.version_bd()

    # Construcción en otro proceso, detenida justo antes de reemplazar la base.
    registro = tmp_path / "construccion.log"
    entorno = dict(os.environ, ARTICULA_PAUSA_PRUEBA="cerrada", ARTICULA_PAUSA_SEGUNDOS="5")
    with registro.open("w") as salida:
        proceso = subprocess.Popen(
            [sys.executable, "-m", "datos", "construir", str(NOTAS_HOSTILES), "--db", str(bd), "--procesos", "1"],
            cwd=RAIZ, env=entorno, stdout=salida, stderr=subprocess.STDOUT,
        )
    try:
        _esperar_pausa(registro, proceso)
        os.kill(proceso.pid, signal.SIGSTOP)

        # Fase 1: veinte consultas a la vez (las vistas de todas las páginas) y sesiones del tablero
        # mientras la construcción está en curso: todas ven la versión A.
        _limpiar_cache()
        fase_1 = _en_hilos(consultas)
        assert not _errores(fase_1), _errores(fase_1)[:3]
        assert fase_1 == consultas_a
        sesiones = [_abrir(f) for f in combinaciones]
        assert [_respuesta(at) for at in sesiones] == esperado_a
        assert conexion.version_bd() == version_a  # nadie tocó la base publicada

        # Fase 2: la construcción reemplaza la base mientras veinte hilos consultan.
        os.kill(proceso.pid, signal.SIGCONT)
        sondas = consultas
        historia: list[list[object]] = [[] for _ in sondas]

        def sondear(i: int) -> None:
            while proceso.poll() is None:
                historia[i].append(sondas[i]())
                time.sleep(0.02)  # deja CPU a la construcción
            historia[i].append(sondas[i]())  # una más con la base ya reemplazada

        assert not _errores(_en_hilos([lambda i=i: sondear(i) for i in range(len(sondas))]))
        assert proceso.wait(timeout=120) == 0, registro.read_text()
    finally:
        if proceso.poll() is None:
            os.kill(proceso.pid, signal.SIGCONT)
            proceso.kill()
            proceso.wait()

    assert conexion.version_bd() != version_a
    consultas_b = [c() for c in consultas]
    assert contar_eventos(Filtros()) > eventos_a  # la construcción agregó eventos de verdad
    for i, vistos in enumerate(historia):
        a, b = consultas_a[i % len(consultas)], consultas_b[i % len(consultas)]
        assert vistos[-1] == b
        for j, visto in enumerate(vistos):
            assert visto in (a, b), (i, visto)
            if visto != a:  # vista la versión nueva, no vuelve la anterior
                assert all(v == b for v in vistos[j:]), i

    # Fase 3: las mismas sesiones, sin reiniciar, ven los datos nuevos; igual que una sesión sola.
    _limpiar_cache()
    fase_3 = _en_hilos(consultas)
    assert fase_3 == consultas_b
    vistas_3 = [_respuesta(at.run()) for at in sesiones]
    _limpiar_cache()
    esperado_b = [_respuesta(_abrir(f)) for f in combinaciones]
    assert vistas_3 == esperado_b
    assert esperado_b[0] != esperado_a[0], "sin filtros, la versión B debe mostrar otras cifras"
    # Y en otra página de la misma sesión, la cantidad nueva de eventos (sin reiniciar el tablero).
    at = sesiones[0]
    at.switch_page("paginas/explorador.py")
    at.run()
    assert any(m.value.startswith(f"**{contar_eventos(Filtros())} eventos**") for m in at.markdown)
