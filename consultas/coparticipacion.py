"""Co-participación: qué organizaciones comparten eventos, desde el mart `evento_par`.

El mart tiene una fila por par (a < b) y evento; aquí solo se cuenta sobre los
eventos filtrados. El orden de la matriz agrupa a las organizaciones que
trabajan juntas (aglomeración por enlace promedio sobre la similitud de
Ochiai), calculado en Python sobre la matriz pequeña del top N.

`panorama` da lo que muestra la página (matriz, red, pares, socios y siglas) con una sola
lectura de los eventos filtrados: las funciones sueltas leerían cinco veces los mismos eventos.
Con filtros, esa lectura es solo la lista de ids de hechos_evento y el conteo se hace en numpy
sobre las organizaciones de cada evento (`_Incidencia`, leída una vez por versión de la base):
la consulta SQL equivalente (coparticipacion_panorama.sql, que se conserva como referencia y
para las pruebas) gastaba ~20 ms de CPU solo en planificarse y ~70 ms en leer 4,2 M
participaciones y unirlas consigo mismas a un millón de eventos.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np
import pandas as pd

from consultas import conexion
from consultas.ejecucion import columnas, filas, tabla
from consultas.filtros import Filtros

COLUMNAS_MATRIZ = ["fila", "columna", "eventos", "etiqueta_fila", "etiqueta_columna", "orden_fila", "orden_columna"]
_ENTERAS = ("eventos", "orden_fila", "orden_columna")  # int64, como los conteos de DuckDB


def pares_principales(f: Filtros, n: int = 20) -> pd.DataFrame:
    """organizacion_a, organizacion_b, eventos (más sigla_a, sigla_b): los n pares con más eventos juntos."""
    return tabla("pares_principales", f, [max(0, int(n))])


def _top(f: Filtros, top_n: int) -> pd.DataFrame:
    return tabla("coparticipacion_top", f, [max(0, int(top_n))])


def _etiqueta(nombre: str, sigla: object) -> str:
    return sigla if isinstance(sigla, str) and sigla else nombre


def ordenar(nombres: list[str], eventos: dict[str, int], juntos: dict[tuple[str, str], int]) -> list[str]:
    """Orden que deja contiguas a las organizaciones que comparten eventos.

    Aglomeración por enlace promedio sobre la similitud de Ochiai
    (compartidos / √(eventos_a · eventos_b)); al unir dos grupos se elige la
    orientación que deja más parecidos a los vecinos del empalme. Los empates se
    resuelven por el orden de entrada (de más a menos eventos).
    """

    def sim(a: str, b: str) -> float:
        compartidos = juntos.get((a, b)) or juntos.get((b, a)) or 0
        base = math.sqrt(max(eventos.get(a, 0), 1) * max(eventos.get(b, 0), 1))
        return compartidos / base

    # La similitud de cada par, calculada una vez (la aglomeración la vuelve a pedir en cada vuelta).
    tabla_sim = {a: {b: sim(a, b) for b in nombres} for a in nombres}
    grupos: list[list[str]] = [[n] for n in nombres]
    while len(grupos) > 1:
        mejor: tuple[float, int, int] | None = None
        for i in range(len(grupos)):
            filas_i = [tabla_sim[a] for a in grupos[i]]
            for j in range(i + 1, len(grupos)):
                grupo_j = grupos[j]
                promedio = sum(fila[b] for fila in filas_i for b in grupo_j) / (len(filas_i) * len(grupo_j))
                if mejor is None or promedio > mejor[0]:
                    mejor = (promedio, i, j)
        _, i, j = mejor
        a, b = grupos[i], grupos[j]
        candidatos = [a + b, a + b[::-1], a[::-1] + b, a[::-1] + b[::-1]]
        unido = max(candidatos, key=lambda c: tabla_sim[c[len(a) - 1]][c[len(a)]])
        grupos[i] = unido
        del grupos[j]
    return grupos[0] if grupos else []


def matriz(f: Filtros, top_n: int = 15) -> pd.DataFrame:
    """Matriz organización × organización en formato largo, simétrica y completa (ceros incluidos).

    Columnas: fila, columna, eventos (diagonal = eventos de la organización),
    etiqueta_fila/etiqueta_columna (sigla o nombre), orden_fila/orden_columna
    (posición en el orden que revela grupos). `df.attrs["orden"]` = nombres en ese orden.
    """
    return _matriz_de(_celdas_de(_top(f, top_n)))


def _celdas_de(df: pd.DataFrame) -> list[tuple]:
    """Filas (organizacion_a, organizacion_b, eventos, sigla_a, sigla_b, tipo_a, tipo_b) de un resultado."""
    columnas = [df[c].tolist() for c in _CELDA]
    filas_ = zip(*columnas, strict=True)
    return [tuple(None if isinstance(v, float) and math.isnan(v) else v for v in f) for f in filas_]


def _matriz_de(celdas: list[tuple]) -> pd.DataFrame:
    eventos: dict[str, int] = {}
    etiquetas: dict[str, str] = {}
    juntos: dict[tuple[str, str], int] = {}
    for a, b, x, sigla_a, *_ in celdas:
        if a == b:
            eventos[a] = x
            etiquetas[a] = _etiqueta(a, sigla_a)
        else:
            juntos[(a, b)] = int(x)
    entrada = sorted(eventos, key=lambda n: (-eventos[n], n))
    orden = ordenar(entrada, eventos, juntos)
    posicion = {n: i for i, n in enumerate(orden)}
    filas_ = []
    for a in orden:
        for b in orden:
            valor = eventos[a] if a == b else juntos.get((a, b)) or juntos.get((b, a)) or 0
            filas_.append((a, b, int(valor), etiquetas[a], etiquetas[b], posicion[a], posicion[b]))
    hay = bool(filas_)  # sin filas, las columnas de texto quedan `object` (como un DataFrame vacío)
    resultado = _marco(filas_, COLUMNAS_MATRIZ, [hay, hay, True, hay, hay, True, True])
    resultado.attrs["orden"] = orden
    return resultado


def red(f: Filtros, top_n: int = 30) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(nodos: organizacion, sigla, tipo, eventos; aristas: organizacion_a, organizacion_b, eventos)."""
    return _red_de(_celdas_de(_top(f, top_n)))


def _red_de(celdas: list[tuple]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodos y aristas de las celdas; cada columna de texto con el tipo que tiene en todas las celdas
    (como al partir un único DataFrame): `object` solo si en ninguna celda hay un valor."""
    hay = [any(c[i] is not None for c in celdas) for i in range(len(_CELDA))]
    nodos = [(a, sigla, tipo, x) for a, b, x, sigla, _, tipo, _ in celdas if a == b]
    aristas = [(a, b, x) for a, b, x, *_ in celdas if a != b]
    return (_marco(nodos, ["organizacion", "sigla", "tipo", "eventos"], [hay[0], hay[3], hay[5], True]),
            _marco(aristas, ["organizacion_a", "organizacion_b", "eventos"], [hay[0], hay[1], True]))


def socios_de(f: Filtros, organizacion: str, n: int = 20) -> pd.DataFrame:
    """socio, sigla, tipo, eventos: con quién comparte eventos `organizacion`."""
    return tabla("socios_de", f, [str(organizacion), max(0, int(n))])


@dataclass(frozen=True)
class Panorama:
    """Lo que muestra la página Coparticipación, igual a lo que dan las funciones sueltas.

    matriz = matriz(f, top_matriz); nodos, aristas = red(f, top_red); pares = pares_principales(f, n_pares);
    socios = socios_de(f, organizacion, n_socios); principales = resumen.socios_principales(f, n_principales).
    """

    matriz: pd.DataFrame
    nodos: pd.DataFrame
    aristas: pd.DataFrame
    pares: pd.DataFrame
    organizacion: str | None
    socios: pd.DataFrame
    principales: pd.DataFrame


_CELDA = ["organizacion_a", "organizacion_b", "eventos", "sigla_a", "sigla_b", "tipo_a", "tipo_b"]


def panorama(
    f: Filtros,
    top_matriz: int = 15,
    top_red: int = 30,
    n_pares: int = 20,
    organizacion: str | None = None,
    n_socios: int = 20,
    n_principales: int = 50,
) -> Panorama:
    """Matriz, red, pares principales, socios y organizaciones principales en una sola consulta.

    Sin `organizacion`, los socios son los de la primera organización de la red (la que la página
    elige por omisión); `Panorama.organizacion` dice cuál.
    """
    top_matriz, top_red, n_pares = max(0, int(top_matriz)), max(0, int(top_red)), max(0, int(n_pares))
    k = max(top_matriz, top_red)
    org = None if organizacion is None else str(organizacion)
    limites = [max(0, int(n_socios)), max(0, int(n_principales))]
    if f.es_vacio():  # de los marts sin filtrar (organizacion_resumen, par_resumen)
        todo = _filas_resumen(k, n_pares, org, *limites)
    else:
        todo = _filas_contadas(f, k, n_pares, org, *limites)
    # columnas: parte, organizacion_a, organizacion_b, eventos, sigla_a, sigla_b, tipo_a, tipo_b, puesto_a, puesto_b
    celdas_k = [(r[1:8], r[8], r[9]) for r in todo if r[0] == "celda"]

    def celdas(n: int) -> list[tuple]:
        return [c for c, puesto_a, puesto_b in celdas_k if puesto_a <= n and puesto_b <= n]

    nodos, aristas = _red_de(celdas(top_red))
    pares = [(r[1], r[2], r[3], r[4], r[5]) for r in todo if r[0] == "par"]
    socios = [(r[1], r[4], r[6], r[3]) for r in todo if r[0] == "socio"]
    principales = [(r[1], r[4], r[6], r[3]) for r in todo if r[0] == "principal"]
    if org is None:
        primera = [c for c in celdas(k) if c[0] == c[1]]
        org = str(primera[0][0]) if primera else None
    return Panorama(
        matriz=_matriz_de(celdas(top_matriz)),
        nodos=nodos,
        aristas=aristas,
        pares=_marco(pares, ["organizacion_a", "organizacion_b", "eventos", "sigla_a", "sigla_b"]),
        organizacion=org,
        socios=_marco(socios, ["socio", "sigla", "tipo", "eventos"]),
        principales=_marco(principales, ["organizacion", "sigla", "tipo", "eventos"]),
    )


def _filas_sql(f: Filtros, k: int, n_pares: int, org: str | None, n_socios: int, n_principales: int) -> list[tuple]:
    """Las filas de `panorama` calculadas enteras en SQL (coparticipacion_panorama.sql): la referencia."""
    extras = [k, n_pares, org, org, n_socios, n_principales]
    if not f.es_vacio():
        extras[2:2] = [n_pares, n_pares]
    return filas("coparticipacion_panorama", f, extras)


SIN_FECHA = np.iinfo(np.int32).max  # `dia` de un evento sin fecha: no cae antes ni dentro de ningún periodo


@dataclass(frozen=True)
class _Incidencia:
    """Las organizaciones de cada evento (CSR) y los datos de cada organización, de una versión de la base.

    Las organizaciones van como códigos 0..n-1 en el orden de `organizacion_id` (desempatar por código
    es desempatar por id), agrupadas por evento.
    """

    inicio: np.ndarray  # int64, len = eventos + 1: filas de `codigo` de cada evento (por posición)
    codigo: np.ndarray  # int32: código de organización de cada participación
    ids_evento: np.ndarray  # int64 ordenados: el evento de cada posición
    posicion: np.ndarray | None  # evento_id -> posición (-1 si no tiene organizaciones), si los ids son densos
    nombre: list[str]  # por código
    sigla: list[str | None]
    tipo: list[str | None]
    por_nombre: dict[str, int | None]  # nombre -> código (None: la organización no participa en ningún evento)
    total: np.ndarray  # int64 por código: eventos sin filtros (organizacion_resumen; 0 si no está)
    par_a: np.ndarray  # códigos de par_resumen, en orden (eventos DESC, organizacion_a, organizacion_b)
    par_b: np.ndarray
    par_eventos: np.ndarray
    por_organizacion: _PorOrganizacion  # índice inverso, para el filtro de organización
    dia: np.ndarray  # int32 por posición: días desde 1970-01-01 de la fecha del evento (SIN_FECHA si no tiene)
    en_catalogo: list[bool]  # por código


class _PorOrganizacion:
    """Índice inverso de la incidencia: las posiciones de los eventos de cada organización.

    Solo lo usa el filtro de organización y armarlo cuesta 0,1–0,2 s a un millón de eventos (el orden estable
    de ~4 M códigos): se arma en un hilo apenas se lee la incidencia, así la primera visita a la página no lo
    espera y, cuando alguien filtra por organización, ya está. Quien lo pida antes lo espera con el candado.
    """

    def __init__(self, inicio: np.ndarray, codigo: np.ndarray, conteo: np.ndarray) -> None:
        self._inicio, self._codigo, self._conteo = inicio, codigo, conteo
        self._armado: tuple[np.ndarray, np.ndarray] | None = None
        self._candado = threading.Lock()
        threading.Thread(target=self._asegurar, name="articula-indice-organizaciones", daemon=True).start()

    def posiciones(self, codigo: int) -> np.ndarray:
        """Posiciones (int32, crecientes) de los eventos en los que participa la organización `codigo`."""
        tramo, posicion = self._armado or self._asegurar()
        return posicion[tramo[codigo]:tramo[codigo + 1]]

    def _asegurar(self) -> tuple[np.ndarray, np.ndarray]:
        with self._candado:
            if self._armado is None:
                self._armado = self._armar()
            return self._armado

    def _armar(self) -> tuple[np.ndarray, np.ndarray]:
        # Con < 32 768 organizaciones el orden estable de int16 es por conteo (radix).
        clave_org = self._codigo.astype(np.int16) if len(self._conteo) < 1 << 15 else self._codigo
        posicion = np.repeat(np.arange(len(self._inicio) - 1, dtype=np.int32), np.diff(self._inicio))[
            np.argsort(clave_org, kind="stable")]
        tramo = np.concatenate(([0], np.cumsum(self._conteo))).astype(np.int64)
        return tramo, posicion


_incidencia_candado = threading.Lock()
_incidencia_actual: tuple[tuple, _Incidencia] | None = None


def _incidencia() -> _Incidencia:
    """La incidencia de la versión vigente de la base (se lee una vez: ~4,2 M filas a un millón de eventos)."""
    global _incidencia_actual
    clave = (str(conexion.ruta_bd()), conexion.version_bd())
    actual = _incidencia_actual
    if actual is not None and actual[0] == clave:
        return actual[1]
    with _incidencia_candado:
        actual = _incidencia_actual
        if actual is None or actual[0] != clave:
            _incidencia_actual = actual = (clave, _leer_incidencia())
    return actual[1]


def precalentar() -> threading.Thread:
    """Lee la incidencia en un hilo, para que la primera visita a la página no la espere (~0,4 s a un millón).

    Si falla, no dice nada aquí: la página la vuelve a pedir y muestra el error donde el usuario lo ve.
    """

    def leer() -> None:
        try:
            _incidencia()
        except Exception:  # noqa: BLE001, S110 - ver arriba
            pass

    hilo = threading.Thread(target=leer, name="articula-incidencia", daemon=True)
    hilo.start()
    return hilo


def _leer_incidencia() -> _Incidencia:
    datos = columnas("coparticipacion_incidencia")
    evento = np.asarray(datos["evento_id"], dtype=np.int64)
    organizacion = np.asarray(datos["organizacion_id"])  # int32 en la base: sin copiarlo a int64 (4,2 M a un millón)
    if len(evento) > 1 and not (evento[1:] >= evento[:-1]).all():  # la tabla se guarda por evento; si no, se ordena
        orden = np.argsort(evento, kind="stable")
        evento, organizacion = evento[orden], organizacion[orden]
    org_datos = filas("coparticipacion_organizaciones")  # (id, nombre, sigla, tipo, en_catalogo)
    ids_org = np.array(sorted(r[0] for r in org_datos), dtype=np.int64)
    codigo = None
    if len(ids_org) and ids_org[0] >= 0 and ids_org[-1] <= 10_000_000:  # ids densos: una tabla de consulta
        tabla = np.full(int(ids_org[-1]) + 1, -1, dtype=np.int32)
        tabla[ids_org] = np.arange(len(ids_org), dtype=np.int32)
        fuera = (organizacion < 0) | (organizacion >= len(tabla))
        if not fuera.any():
            codigo = tabla[organizacion]
            if (codigo < 0).any():
                codigo = None
    if codigo is None:  # alguna participación con una organización que no está en la tabla: se suma
        ids_org = np.union1d(ids_org, np.unique(organizacion))
        codigo = np.searchsorted(ids_org, organizacion).astype(np.int32)
    cambios = np.flatnonzero(evento[1:] != evento[:-1]) + 1
    inicio = np.concatenate(([0], cambios, [len(evento)])).astype(np.int64) if len(evento) else np.zeros(1, np.int64)
    ids_evento = evento[inicio[:-1]]
    posicion = None
    if len(ids_evento) and ids_evento[0] >= 0 and ids_evento[-1] <= 4 * len(ids_evento) + 1_000_000:
        posicion = np.full(int(ids_evento[-1]) + 1, -1, dtype=np.int64)
        posicion[ids_evento] = np.arange(len(ids_evento))
    n = len(ids_org)
    nombre: list = [None] * n
    sigla: list = [None] * n
    tipo: list = [None] * n
    en_catalogo: list = [False] * n
    conteo = np.bincount(codigo, minlength=n)  # participaciones por código
    participan = conteo > 0
    por_nombre: dict[str, int | None] = {}
    for oid, nom, sig, tip, cat in org_datos:
        i = int(np.searchsorted(ids_org, oid))
        nombre[i], sigla[i], tipo[i], en_catalogo[i] = nom, sig, tip, bool(cat)
        por_nombre[nom] = i if participan[i] else None
    resumen = columnas("coparticipacion_resumen_organizaciones")
    total = np.zeros(n, dtype=np.int64)
    total[np.searchsorted(ids_org, np.asarray(resumen["organizacion_id"], dtype=np.int64))] = resumen["eventos"]
    pares = columnas("coparticipacion_resumen_pares")
    par_a = np.searchsorted(ids_org, np.asarray(pares["organizacion_a"], dtype=np.int64)).astype(np.int32)
    par_b = np.searchsorted(ids_org, np.asarray(pares["organizacion_b"], dtype=np.int64)).astype(np.int32)
    par_eventos = np.asarray(pares["eventos"], dtype=np.int64)
    dia = np.full(len(ids_evento), SIN_FECHA, dtype=np.int32)
    inc = _Incidencia(inicio, codigo, ids_evento, posicion, nombre, sigla, tipo, por_nombre,
                      total, par_a, par_b, par_eventos, _PorOrganizacion(inicio, codigo, conteo), dia, en_catalogo)
    fechas = columnas("coparticipacion_fechas")
    pos, cuales = _ubicar(inc, np.asarray(fechas["evento_id"], dtype=np.int64))
    dia[pos] = np.asarray(fechas["fecha"]).astype("datetime64[D]").astype(np.int64)[cuales]
    return inc


def _posiciones(inc: _Incidencia, f: Filtros, desde: object = None, hasta: object = None) -> np.ndarray:
    """Posiciones (en la incidencia, crecientes) de los eventos con organizaciones que elige `f`; con `desde` y
    `hasta`, solo los de fecha en [desde, hasta].

    El filtro de organización (eventos en los que participa alguna de ellas, como Filtros.donde) se aplica
    con el índice inverso y la ventana de fechas con `dia`, no en SQL: el semi-join sobre hechos_evento costaba
    9-17 ms a un millón. Si no hay otro filtro, no se consulta nada; si lo hay, SQL lee solo la ventana.
    """
    marca = None
    if desde is not None:
        marca = (inc.dia >= _dia(desde)) & (inc.dia <= _dia(hasta))  # sin fecha (SIN_FECHA): fuera
    if f.organizacion:
        elegidas = np.zeros(len(inc.ids_evento), dtype=bool)  # marcar y no np.unique: sin ordenar
        for c in (inc.por_nombre.get(n) for n in f.organizacion):
            if c is not None:
                elegidas[inc.por_organizacion.posiciones(c)] = True
        marca = elegidas if marca is None else marca & elegidas
        f = f.con(organizacion=())
    if f.es_vacio():
        return np.flatnonzero(marca) if marca is not None else np.arange(len(inc.ids_evento))
    if desde is None:
        ids = columnas("coparticipacion_eventos", f)["evento_id"]
    else:
        ids = columnas("coparticipacion_eventos_entre", f, [desde, hasta])["evento_id"]
    pos, _ = _ubicar(inc, np.asarray(ids, dtype=np.int64))
    if marca is not None:
        pos = pos[marca[pos]]
    return np.sort(pos)  # hechos_evento va por fecha; en orden de evento la incidencia se lee seguida (~2 ms menos)


# Por encima, contar en numpy cuesta más que el GROUP BY sobre hechos_par. A un millón: dos años sin filtros
# (170 000 eventos), 127 ms contra 60; varios filtros con años 2020–2025 (236 eventos), 27–44 contra 86–95.
MAXIMO_EVENTOS_ALZA = 50_000


def alza_de_pares(
    f: Filtros, anterior_desde: object, desde: object, hasta: object, n: int
) -> pd.DataFrame | None:
    """organizacion_a, organizacion_b, eventos, eventos_anterior, alza: los n pares con más eventos juntos en
    [desde, hasta] que en [anterior_desde, desde), de mayor alza a menor (luego eventos y nombres).

    Con la incidencia en memoria, como `panorama`: los eventos de los dos periodos salen de `_posiciones` (índice
    inverso, fechas en memoria y, si hay otros filtros, los ids de hechos_evento) y los pares se cuentan en numpy.
    Es lo rápido cuando los filtros dejan pocos eventos de muchos años: el GROUP BY sobre hechos_par
    (novedades_pares.sql) lee todos los pares de esos años. Con más de `MAXIMO_EVENTOS_ALZA` eventos devuelve
    None y quien llama usa ese SQL (ver `novedades.pares_en_alza`).
    """
    inc = _incidencia()
    pos = _posiciones(inc, f, anterior_desde, hasta)
    if len(pos) > MAXIMO_EVENTOS_ALZA:
        return None
    actual = inc.dia[pos] >= _dia(desde)
    n_org = len(inc.nombre)
    todas = np.ones(n_org, dtype=bool)
    a_act, b_act, en_actual = _pares_en(*_filas_de(inc, pos[actual]), todas)
    a_ant, b_ant, en_anterior = _pares_en(*_filas_de(inc, pos[~actual]), todas)
    claves_actual = a_act * n_org + b_act
    unicas, cual = np.unique(np.concatenate((claves_actual, a_ant * n_org + b_ant)), return_inverse=True)
    eventos = np.bincount(cual[:len(claves_actual)], weights=en_actual, minlength=len(unicas)).astype(np.int64)
    anterior = np.bincount(cual[len(claves_actual):], weights=en_anterior, minlength=len(unicas)).astype(np.int64)
    suben = np.flatnonzero(eventos > anterior)
    a, b = unicas[suben] // n_org, unicas[suben] % n_org
    eventos, anterior = eventos[suben], anterior[suben]
    rango = _rango_por_nombre(inc)
    orden = np.lexsort((rango[b], rango[a], -eventos, -(eventos - anterior)))[: max(0, int(n))]
    return pd.DataFrame({
        "organizacion_a": _texto([inc.nombre[int(x)] for x in a[orden]]),
        "organizacion_b": _texto([inc.nombre[int(y)] for y in b[orden]]),
        "eventos": eventos[orden],
        "eventos_anterior": anterior[orden],
        "alza": eventos[orden] - anterior[orden],
    })


# Con filtro de organización, hasta aquí (eventos de las organizaciones elegidas) las nuevas y las principales de
# Resumen se cuentan en numpy. En SQL, el semi-join de ese filtro recorre las 4,2 M filas de hechos_organizacion:
# a un millón, 110–190 ms con una organización grande y otro filtro, contra 15–80 ms aquí (filtros del benchmark).
MAXIMO_EVENTOS_ORGANIZACION = 150_000


def cuenta_en_memoria(f: Filtros) -> bool:
    """Si las consultas de Resumen con estos filtros cuentan las organizaciones en la incidencia (ver arriba): con
    filtro de organización y hasta `MAXIMO_EVENTOS_ORGANIZACION` eventos de las elegidas. Sin ese filtro no lee
    la incidencia."""
    if not f.organizacion:
        return False
    inc = _incidencia()
    elegidas = [c for c in (inc.por_nombre.get(x) for x in f.organizacion) if c is not None]
    return sum(len(inc.por_organizacion.posiciones(c)) for c in elegidas) <= MAXIMO_EVENTOS_ORGANIZACION


def organizaciones_distintas(ids: np.ndarray) -> int:
    """Cuántas organizaciones distintas participan en los eventos `ids` (como count(DISTINCT organizacion_id))."""
    inc = _incidencia()
    pos, _ = _ubicar(inc, np.asarray(ids, dtype=np.int64))
    org, _ = _filas_de(inc, pos)
    return int(np.count_nonzero(np.bincount(org, minlength=len(inc.nombre))))


def principales(f: Filtros, n: int) -> pd.DataFrame | None:
    """organizacion, sigla, tipo, eventos: las n organizaciones con más eventos filtrados, como
    socios_principales.sql; None (y quien llama usa el SQL) salvo que `cuenta_en_memoria(f)`."""
    if not cuenta_en_memoria(f):
        return None
    inc = _incidencia()
    org, _ = _filas_de(inc, _posiciones(inc, f))
    eventos = np.bincount(org, minlength=len(inc.nombre)).astype(np.int64)
    elegidas = _primeros(eventos, max(0, int(n)), inc.nombre)
    return pd.DataFrame({
        "organizacion": _texto([inc.nombre[i] for i in elegidas]),
        "sigla": _texto([inc.sigla[i] for i in elegidas]),
        "tipo": _texto([inc.tipo[i] for i in elegidas]),
        "eventos": eventos[elegidas],
    })


def organizaciones_nuevas(f: Filtros, desde: object, hasta: object, n: int) -> pd.DataFrame | None:
    """organizacion, sigla, tipo, en_catalogo, primera_fecha, eventos: las n organizaciones cuya primera
    aparición (en los eventos con fecha de `f`) cae en [desde, hasta], como novedades_organizaciones.sql.

    Solo si `cuenta_en_memoria(f)`: los eventos salen del índice inverso (y de hechos_evento, si hay otros
    filtros) y sus organizaciones y fechas de la incidencia. Si no, devuelve None y quien llama usa el SQL (ver
    `novedades.organizaciones_nuevas`).
    """
    if not cuenta_en_memoria(f):
        return None
    inc = _incidencia()
    pos = _posiciones(inc, f)  # crecientes, como numera los eventos `_filas_de`
    org, evento = _filas_de(inc, pos)
    dia = inc.dia[pos][evento]
    d0, d1 = _dia(desde), _dia(hasta)
    n_org = len(inc.nombre)
    antes = np.zeros(n_org, dtype=bool)
    antes[org[dia < d0]] = True
    en_periodo = (dia >= d0) & (dia <= d1)
    org, dia = org[en_periodo], dia[en_periodo]
    eventos = np.bincount(org, minlength=n_org)
    nueva = (eventos > 0) & ~antes
    de_nuevas = nueva[org]
    primera = np.full(n_org, SIN_FECHA, dtype=np.int64)
    np.minimum.at(primera, org[de_nuevas], dia[de_nuevas])
    cand = np.flatnonzero(nueva)
    elegido = cand[np.lexsort((_rango_por_nombre(inc)[cand], primera[cand], -eventos[cand]))[: max(0, int(n))]]
    return pd.DataFrame({
        "organizacion": _texto([inc.nombre[i] for i in elegido]),
        "sigla": _texto([inc.sigla[i] for i in elegido]),
        "tipo": _texto([inc.tipo[i] for i in elegido]),
        "en_catalogo": np.array([inc.en_catalogo[i] for i in elegido], dtype=bool),
        "primera_fecha": primera[elegido].astype("datetime64[D]").astype("datetime64[us]"),
        "eventos": eventos[elegido].astype(np.int64),
    })


def _texto(valores: list[str | None]) -> pd.api.extensions.ExtensionArray:
    """Una columna de texto con el tipo que le da DuckDB: str, u object si no hay ningún valor."""
    return pd.array(valores, dtype="str" if any(v is not None for v in valores) else object)


def _dia(fecha: object) -> int:
    """Días desde 1970-01-01 (como `_Incidencia.dia`) de una fecha."""
    return int(np.datetime64(fecha, "D").astype(np.int64))


def _rango_por_nombre(inc: _Incidencia) -> np.ndarray:
    """El puesto de cada código entre los nombres: ordenar por él es ORDER BY nombre."""
    rango = np.empty(len(inc.nombre), dtype=np.int64)
    rango[np.argsort(np.array(inc.nombre, dtype=object), kind="stable")] = np.arange(len(inc.nombre))
    return rango


def _ubicar(inc: _Incidencia, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(posiciones en la incidencia, índices en `ids` de esas posiciones): los eventos sin organizaciones no están."""
    if inc.posicion is not None:
        cuales = np.flatnonzero((ids >= 0) & (ids < len(inc.posicion)))
        pos = inc.posicion[ids[cuales]]
        tiene = pos >= 0
        return pos[tiene], cuales[tiene]
    pos = np.searchsorted(inc.ids_evento, ids)
    cuales = np.flatnonzero(pos < len(inc.ids_evento))
    cuales = cuales[inc.ids_evento[pos[cuales]] == ids[cuales]]
    return pos[cuales], cuales


def _filas_de(inc: _Incidencia, pos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Código de organización y número de evento (0..len(pos)-1) de cada participación de los eventos `pos`."""
    pos = np.sort(pos)  # en orden de evento la incidencia se lee seguida
    ini = inc.inicio[pos]
    largo = inc.inicio[pos + 1] - ini
    total = int(largo.sum())
    desde = np.cumsum(largo) - largo
    return inc.codigo[np.repeat(ini - desde, largo) + np.arange(total)], np.repeat(np.arange(len(pos)), largo)


def _pares_en(org: np.ndarray, grupo: np.ndarray, dentro: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(a, b, eventos) de los pares a < b de organizaciones marcadas en `dentro` que comparten evento.

    `org` y `grupo` (evento de cada fila) vienen agrupados por evento: cada par de filas de un evento sale una
    vez (las filas repetidas cuentan como en el SQL, que une las participaciones consigo mismas).
    """
    vacio = np.zeros(0, dtype=np.int64)
    m = dentro[org]
    o, g = org[m], grupo[m]
    if len(o) < 2:
        return vacio, vacio, vacio
    nuevo = np.empty(len(g), dtype=bool)
    nuevo[0] = True
    np.not_equal(g[1:], g[:-1], out=nuevo[1:])
    ini = np.flatnonzero(nuevo)
    tam = np.diff(np.append(ini, len(g)))
    parejas = np.repeat(tam, tam) - 1 - (np.arange(len(g)) - np.repeat(ini, tam))
    total = int(parejas.sum())
    if total == 0:
        return vacio, vacio, vacio
    izq = np.repeat(np.arange(len(g)), parejas)
    der = izq + 1 + (np.arange(total) - np.repeat(np.cumsum(parejas) - parejas, parejas))
    # Códigos compactos de las marcadas: la clave a·s + b cabe en un bincount pequeño.
    sub = np.cumsum(dentro) - 1
    marcadas = np.flatnonzero(dentro)
    s = len(marcadas)
    x, y = sub[o[izq]], sub[o[der]]
    a, b = np.minimum(x, y), np.maximum(x, y)
    distintos = a != b
    clave = a[distintos] * s + b[distintos]
    if s * s <= 1 << 24:
        cuenta = np.bincount(clave, minlength=s * s)
        claves = np.flatnonzero(cuenta)
        cuenta = cuenta[claves]
    else:
        claves, cuenta = np.unique(clave, return_counts=True)
    return marcadas[claves // s], marcadas[claves % s], cuenta.astype(np.int64)


def _primeros(valores: np.ndarray, n: int, nombre: list[str]) -> list[int]:
    """Los n códigos con más `valores` (> 0), desempatando por nombre (como ORDER BY eventos DESC, nombre)."""
    if n <= 0:
        return []
    con = np.flatnonzero(valores > 0)
    if len(con) > n:
        corte = np.partition(valores[con], len(con) - n)[len(con) - n]
        con = con[valores[con] >= corte]
    return sorted(con.tolist(), key=lambda i: (-int(valores[i]), nombre[i]))[:n]


def _filas_contadas(
    f: Filtros, k: int, n_pares: int, org: str | None, n_socios: int, n_principales: int
) -> list[tuple]:
    """Las mismas filas que `_filas_sql` (mismos valores, tipos y orden), contadas en numpy.

    SQL solo da los ids de los eventos filtrados (sin el filtro de organización: ver `_posiciones`); sus
    organizaciones salen de `_incidencia()`.
    """
    inc = _incidencia()
    pos = _posiciones(inc, f)
    org_filas, grupo = _filas_de(inc, pos)
    n_org = len(inc.nombre)
    conteo = np.bincount(org_filas, minlength=n_org).astype(np.int64)

    # top: ORDER BY eventos DESC, organizacion_id LIMIT k
    presentes = np.flatnonzero(conteo > 0)
    top = presentes[np.lexsort((presentes, -conteo[presentes]))][:k]
    puesto = {int(c): i + 1 for i, c in enumerate(top)}
    en_top = np.zeros(n_org, dtype=bool)
    en_top[top] = True
    ta, tb, tn = _pares_en(org_filas, grupo, en_top)

    # pares: los n_pares mejores (eventos DESC, a, b); solo pueden tener `minimo` o más eventos juntos.
    pa = pb = pn = np.zeros(0, dtype=np.int64)
    if n_pares > 0:
        minimo = int(np.sort(tn)[::-1][n_pares - 1]) if len(tn) >= n_pares else 1
        posibles = conteo >= minimo
        if not posibles[~en_top].any():
            pa, pb, pn = ta, tb, tn
        else:
            pa, pb, pn = _pares_en(org_filas, grupo, posibles)
        orden = np.lexsort((pb, pa, -pn))[:n_pares]
        pa, pb, pn = pa[orden], pb[orden], pn[orden]

    # elegida: la primera del top por eventos y nombre, o la pedida por nombre.
    if org is None:
        elegida = min(top.tolist(), key=lambda i: (-int(conteo[i]), inc.nombre[i])) if len(top) else None
    else:
        elegida = inc.por_nombre.get(org)
    socios: list[int] = []
    cuenta_socios = np.zeros(n_org, dtype=np.int64)
    if elegida is not None and n_socios > 0:
        tiene = np.zeros(len(pos), dtype=bool)
        tiene[grupo[org_filas == elegida]] = True
        cuenta_socios = np.bincount(org_filas[tiene[grupo]], minlength=n_org).astype(np.int64)
        cuenta_socios[elegida] = 0
        socios = _primeros(cuenta_socios, n_socios, inc.nombre)
    principales = _primeros(conteo, n_principales, inc.nombre)

    return _armar(inc, conteo, puesto, (ta, tb, tn), (pa, pb, pn), socios, cuenta_socios, principales)


def _filas_resumen(k: int, n_pares: int, org: str | None, n_socios: int, n_principales: int) -> list[tuple]:
    """Las filas de coparticipacion_panorama_todos.sql (sin filtros), de los marts guardados en `_incidencia()`."""
    inc = _incidencia()
    conteo = inc.total
    presentes = np.flatnonzero(conteo > 0)
    top = presentes[np.lexsort((presentes, -conteo[presentes]))][:k]
    puesto = {int(c): i + 1 for i, c in enumerate(top)}
    en_top = np.zeros(len(conteo), dtype=bool)
    en_top[top] = True
    entre_top = en_top[inc.par_a] & en_top[inc.par_b]
    celdas = (inc.par_a[entre_top], inc.par_b[entre_top], inc.par_eventos[entre_top])
    pares = (inc.par_a[:n_pares], inc.par_b[:n_pares], inc.par_eventos[:n_pares])
    if org is None:
        elegida = min(top.tolist(), key=lambda i: (-int(conteo[i]), inc.nombre[i])) if len(top) else None
    else:
        elegida = inc.por_nombre.get(org)
    socios: list[int] = []
    cuenta_socios = np.zeros(len(conteo), dtype=np.int64)
    if elegida is not None and n_socios > 0:
        como_a, como_b = inc.par_a == elegida, inc.par_b == elegida
        cuenta_socios[inc.par_b[como_a]] = inc.par_eventos[como_a]
        cuenta_socios[inc.par_a[como_b]] = inc.par_eventos[como_b]
        socios = _primeros(cuenta_socios, n_socios, inc.nombre)
    principales = _primeros(conteo, n_principales, inc.nombre)
    return _armar(inc, conteo, puesto, celdas, pares, socios, cuenta_socios, principales)


def _armar(
    inc: _Incidencia,
    conteo: np.ndarray,
    puesto: dict[int, int],
    celdas: tuple[np.ndarray, np.ndarray, np.ndarray],
    pares: tuple[np.ndarray, np.ndarray, np.ndarray],
    socios: list[int],
    cuenta_socios: np.ndarray,
    principales: list[int],
) -> list[tuple]:
    """Filas (parte, organizacion_a, organizacion_b, eventos, sigla_a, sigla_b, tipo_a, tipo_b, puesto_a, puesto_b)
    en el orden del SQL: ORDER BY parte, eventos DESC, organizacion_a, organizacion_b (NULLS LAST)."""
    nom, sig, tip = inc.nombre, inc.sigla, inc.tipo

    def fila(parte: str, a: int, b: int | None, x: int, puesto_a: int | None, puesto_b: int | None) -> tuple:
        if b is None:
            return (parte, nom[a], None, x, sig[a], None, tip[a], None, puesto_a, puesto_b)
        return (parte, nom[a], nom[b], x, sig[a], sig[b], tip[a], tip[b], puesto_a, puesto_b)

    todo = [fila("celda", c, c, int(conteo[c]), puesto[c], puesto[c]) for c in puesto]
    en_celdas = zip(*(x.tolist() for x in celdas), strict=True)
    todo += [fila("celda", a, b, x, puesto[a], puesto[b]) for a, b, x in en_celdas]
    todo += [fila("par", a, b, x, None, None) for a, b, x in zip(*(x.tolist() for x in pares), strict=True)]
    todo += [fila("socio", c, None, int(cuenta_socios[c]), None, None) for c in socios]
    todo += [fila("principal", c, None, int(conteo[c]), None, None) for c in principales]
    todo.sort(key=lambda r: (r[0], -r[3], r[1], r[2] is None, r[2] or ""))
    return todo


def _marco(filas_: list[tuple], columnas: list[str], con_texto: list[bool] | None = None) -> pd.DataFrame:
    """DataFrame con los tipos que tendría la consulta suelta: `eventos` int64, textos str.

    DuckDB entrega como `object` (con None) una columna de texto sin ningún valor; aquí igual (o según
    `con_texto`, si la columna viene de un resultado más grande). Armarlo desde tuplas cuesta ~1 ms;
    filtrar y renombrar trozos de un DataFrame costaba ~45 ms de CPU por panorama.
    """
    datos: dict[str, object] = {}
    for i, columna in enumerate(columnas):
        valores = [fila[i] for fila in filas_]
        if columna in _ENTERAS:
            datos[columna] = np.array(valores, dtype=np.int64)
        elif con_texto[i] if con_texto is not None else any(v is not None for v in valores):
            datos[columna] = pd.array(valores, dtype="str")
        else:
            datos[columna] = np.array(valores, dtype=object)
    return pd.DataFrame(datos, columns=columnas, copy=False)
