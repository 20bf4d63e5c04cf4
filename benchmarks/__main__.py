"""Benchmark de Articula: `python -m benchmarks [--eventos 10000 100000 [1000000]] [--json RUTA] [--rapido]`.

Por cada tamaño: genera un corpus sintético, construye la base con la CLI real,
agrega 1 000 notas nuevas, mide cada vista (consultas y página completa con
AppTest) y la línea base en pandas. Imprime una tabla, PASA/FALLA por objetivo y
escribe el JSON. Nunca toca la base incluida: todo ocurre en una carpeta temporal.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import multiprocessing.pool
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import medir, sintetico

RAIZ = Path(__file__).resolve().parent.parent
PY = sys.executable
MB = 1024 * 1024

# Objetivos del issue 4 (a 1 000 000 de eventos en esta máquina de 2 núcleos).
META_EXTRACCION_POR_NUCLEO = 2_000  # notas/s
META_CONSTRUCCION_1M_S = 600
META_INCREMENTAL_S = 10
META_CONSULTA_P95_S = 0.100
META_PAGINA_S = 1.0
META_RSS_TABLERO_MB = 1536
META_VECES_PANDAS = 5
META_VECES_COPARTICIPACION = 20


# --- Extracción ---------------------------------------------------------------------------------------------


def _muestra(n: int, semilla: int) -> list:
    from datos.extraccion.modelos import NotaCruda

    return [NotaCruda(archivo=s.nombre, texto=s.texto, formato="txt", url=s.url, sintetica=True)
            for s in sintetico.generar(n, semilla, prefijo="muestra")]


def _calentar() -> None:
    from datos.extraccion.extractor import extraer

    for nota in _muestra(20, 99):
        extraer(nota)


def _extraer_lote(notas: list) -> int:
    from datos.extraccion.extractor import extraer

    for nota in notas:
        extraer(nota)
    return len(notas)


PASADAS_EXTRACCION = 3


def _pasada_extraccion(muestra: list, pool: multiprocessing.pool.Pool) -> tuple[float, float, float]:
    """(notas/s en 1 proceso, ms de CPU por nota, notas/s con todos los núcleos) sobre notas nunca vistas."""
    n = len(muestra)
    t0, c0 = time.perf_counter(), time.process_time()
    _extraer_lote(muestra)
    un_proceso = n / (time.perf_counter() - t0)
    # CPU por nota: no depende de cuántos otros procesos compiten por los núcleos (el reloj sí).
    cpu_ms = (time.process_time() - c0) * 1000 / n
    lotes = [muestra[i:i + 100] for i in range(0, n, 100)]
    t0 = time.perf_counter()
    total = sum(pool.imap_unordered(_extraer_lote, lotes))
    return un_proceso, cpu_ms, total / (time.perf_counter() - t0)


def medir_extraccion(n: int, semilla: int, pasadas: int = PASADAS_EXTRACCION) -> dict:
    """Notas/s de `extractor.extraer` directo: un proceso y todos los núcleos (sin disco ni base).

    Una pasada dura ~1 s y la máquina es compartida: se hacen `pasadas`, cada una con notas distintas (otra
    semilla: repetir notas sería acertar en las cachés por texto), y se informa la mediana y el rango.
    """
    _calentar()
    nucleos = os.cpu_count() or 1
    medidas = []
    with multiprocessing.get_context("fork").Pool(nucleos, initializer=_calentar) as pool:
        pool.map(_extraer_lote, [_muestra(10, 98 - i) for i in range(nucleos)])  # arrancar y calentar los procesos
        for k in range(pasadas):
            medidas.append(_pasada_extraccion(_muestra(n, semilla + k), pool))
    un_proceso, cpu_ms, todos = (statistics.median(m[i] for m in medidas) for i in range(3))
    por_nucleo = [m[2] / nucleos for m in medidas]
    cpus = [m[1] for m in medidas]
    return {"muestra": n, "pasadas": pasadas, "un_proceso_notas_s": round(un_proceso),
            "todos_los_nucleos_notas_s": round(todos), "nucleos": nucleos, "por_nucleo_notas_s": round(todos / nucleos),
            "por_nucleo_rango": [round(min(por_nucleo)), round(max(por_nucleo))],
            "cpu_ms_por_nota": round(cpu_ms, 3), "cpu_ms_rango": [round(min(cpus), 3), round(max(cpus), 3)],
            "notas_s_por_nucleo_libre": round(1000 / cpu_ms) if cpu_ms else None,
            "carga_maquina": round(os.getloadavg()[0], 1)}


# --- Construcción -------------------------------------------------------------------------------------------


def _entorno(db: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["ARTICULA_DB"] = str(db)
    env["PYTHONPATH"] = str(RAIZ) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def construir(rutas: list[Path], db: Path) -> medir.Medida:
    cmd = [PY, "-m", "datos", "construir", *map(str, rutas), "--db", str(db)]
    return medir.correr(cmd, env=_entorno(db), cwd=RAIZ)


def contar(db: Path) -> dict:
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        def uno(sql: str) -> int:
            return con.execute(sql).fetchone()[0]

        return {"notas": uno("SELECT count(*) FROM notas"), "eventos": uno("SELECT count(*) FROM eventos"),
                "participaciones": uno("SELECT count(*) FROM evento_organizacion"),
                "organizaciones": uno("SELECT count(*) FROM organizaciones"),
                "sinteticas": uno("SELECT count(*) FROM notas WHERE sintetica"),
                "rechazos": uno("SELECT count(*) FROM rechazos")}


# --- Vistas: consultas y pandas -----------------------------------------------------------------------------


def medir_vistas(db: Path, repeticiones: int, rapido: bool) -> dict:
    """p50/p95 por vista (suma de sus consultas por combinación de filtros) y por consulta; pandas igual."""
    os.environ["ARTICULA_DB"] = str(db)
    from benchmarks import base_pandas, vistas
    from consultas import conexion, opciones, resumen
    from consultas.filtros import Filtros

    conexion.olvidar_conexion()
    op = opciones.opciones()
    frecuentes = tuple(resumen.socios_principales(Filtros(), 30)["organizacion"])
    combos = vistas.combinaciones(op, frecuentes, extra=2 if rapido else 6)
    por_vista = vistas.consultas_por_vista(frecuentes[0] if frecuentes else "")
    for consultas_vista in por_vista.values():  # calentar: SQL leído, conexión abierta, páginas en caché del SO
        for _, fn in consultas_vista:
            fn(Filtros())

    datos, carga_s, memoria = base_pandas.cargar(str(db))
    copia_s = base_pandas.copia_cache(datos)
    cache = base_pandas.CacheComoStreamlit(datos)
    org = frecuentes[0] if frecuentes else ""
    for fn in base_pandas.VISTAS.values():
        fn(datos, Filtros(), org)

    resultado: dict = {"combinaciones": [c for c, _ in combos], "pandas_carga_s": round(carga_s, 3),
                       "pandas_memoria_mb": round(memoria / MB, 1), "pandas_copia_cache_s": round(copia_s, 3),
                       "vistas": {}}
    for vista, consultas_vista in por_vista.items():
        totales, pandas_t, pandas_sin_copia = [], [], []
        por_consulta: dict[str, list[float]] = {n: [] for n, _ in consultas_vista}
        base = base_pandas.VISTAS[vista]
        # Primero Articula y después pandas, cada uno en su bloque: intercaladas, las copias de ~750 MB de la
        # línea base vacían las cachés de la CPU justo antes de cada consulta y la penalizan.
        for _ in range(repeticiones):
            for _, f in combos:
                suma = 0.0
                for nombre, fn in consultas_vista:
                    s = vistas.cronometrar(lambda fn=fn, f=f: fn(f))
                    por_consulta[nombre].append(s)
                    suma += s
                totales.append(suma)
        for _ in range(repeticiones):
            for _, f in combos:
                org_f = f.organizacion[0] if f.organizacion else org
                # La línea base tal cual la corre Streamlit: cada ejecución pide los datos a st.cache_data
                # (que devuelve una copia) y filtra y agrupa en pandas.
                pandas_t.append(vistas.cronometrar(lambda f=f, o=org_f, b=base: b(cache.obtener(), f, o)))
                # Informativo: lo mismo con los datos ya en memoria (como si usara st.cache_resource).
                pandas_sin_copia.append(vistas.cronometrar(lambda f=f, o=org_f, b=base: b(datos, f, o)))
        p50, p95 = vistas.percentil(totales, 50), vistas.percentil(totales, 95)
        pd50 = vistas.percentil(pandas_t, 50)
        ps50 = vistas.percentil(pandas_sin_copia, 50)
        resultado["vistas"][vista] = {
            "p50_s": p50, "p95_s": p95,
            "consulta_p95_max_s": max(vistas.percentil(v, 95) for v in por_consulta.values()),
            "consultas": {n: {"p50_s": vistas.percentil(v, 50), "p95_s": vistas.percentil(v, 95)}
                          for n, v in por_consulta.items()},
            "pandas_p50_s": pd50, "pandas_p95_s": vistas.percentil(pandas_t, 95),
            "pandas_sin_copia_p50_s": ps50,
            "veces_pandas": pd50 / p50 if p50 else float("inf"),
            "veces_pandas_sin_copia": ps50 / p50 if p50 else float("inf"),
        }
    conexion.olvidar_conexion()
    return resultado


def medir_paginas(db: Path, region: str | None) -> dict:
    cmd = [PY, "-m", "benchmarks.paginas_apptest"]
    if region:
        cmd += ["--filtro", f"region={region}"]
    m = medir.correr(cmd, env=_entorno(db), cwd=RAIZ)
    try:
        datos = json.loads(m.salida.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        return {"error": m.salida[-1500:], "rss_max_mb": m.rss_max_mb}
    datos["rss_proceso_mb"] = m.rss_max_mb
    return datos


# --- Un tamaño completo -------------------------------------------------------------------------------------


def medir_clics(db: Path) -> dict | None:
    """Clics en Chromium sobre el tablero real (`benchmarks.navegador`); None si no hay Chromium."""
    from benchmarks import navegador

    if not navegador.CHROMIUM.exists():
        print("  clics en el navegador omitidos: falta /usr/bin/chromium", flush=True)
        return None
    r = navegador.medir(db, rondas=2)
    print(f"  clics en el navegador: primera carga {r['primera_carga_s']:.2f} s, peor clic {r['peor_s']:.2f} s",
          flush=True)
    return r


def correr_tamano(n: int, semilla: int, carpeta: Path, formato: str, rapido: bool, clics: bool = False) -> dict:
    print(f"\n== {n:,} notas ==".replace(",", " "), flush=True)
    corpus = carpeta / f"corpus_{n}"
    fmt = formato if formato != "auto" else ("txt" if n <= 100_000 else "jsonl")
    t0 = time.perf_counter()
    sintetico.escribir(n, semilla, corpus, fmt)
    generar_s = time.perf_counter() - t0
    print(f"  corpus {fmt}: {generar_s:.1f} s ({n / generar_s:,.0f} notas/s)", flush=True)

    db = carpeta / f"articula_{n}.duckdb"
    carga_antes = os.getloadavg()[0]
    m = construir([corpus], db)
    carga = f"{carga_antes:.1f}→{os.getloadavg()[0]:.1f}"  # otros procesos de la máquina restan núcleos
    if m.codigo != 0:
        raise SystemExit(f"La construcción falló ({m.codigo}):\n{m.salida[-3000:]}")
    cuentas = contar(db)
    tam_mb = db.stat().st_size / MB
    print(f"  construcción: {m.segundos:.1f} s, {m.nucleos_usados:.2f} núcleos (carga {carga}),"
          f" {m.rss_max_mb:.0f} MB máx. por proceso, {m.rss_arbol_max_mb:.0f} MB en total,"
          f" base {tam_mb:.0f} MB, {cuentas['eventos']:,} eventos", flush=True)
    shutil.rmtree(corpus, ignore_errors=True)

    nuevas = carpeta / f"nuevas_{n}"
    sintetico.escribir(1_000, semilla + 7_919, nuevas, "txt", prefijo="nueva")
    inc = construir([nuevas], db)
    cuentas_inc = contar(db)
    print(f"  +1 000 notas: {inc.segundos:.1f} s ({cuentas_inc['eventos'] - cuentas['eventos']} eventos nuevos)",
          flush=True)
    shutil.rmtree(nuevas, ignore_errors=True)

    vistas = medir_vistas(db, 1 if rapido else 2, rapido)
    print("  consultas y pandas medidas", flush=True)
    region = None
    try:
        from consultas import opciones

        os.environ["ARTICULA_DB"] = str(db)
        region = (opciones.opciones().region or (None,))[0]
    except Exception:  # noqa: BLE001 - sin región la pasada filtrada se omite
        pass
    paginas = medir_paginas(db, region)
    print("  páginas medidas", flush=True)
    navegador = medir_clics(db) if clics else None
    return {
        "notas": n, "formato_corpus": fmt, "generar_s": generar_s, "carga_maquina": carga,
        "construccion": {**m.a_dict(), "notas_s": n / m.segundos}, "base_mb": tam_mb, "cuentas": cuentas,
        "incremental_1000": inc.a_dict(), "cuentas_tras_incremental": cuentas_inc,
        "vistas": vistas, "paginas": paginas, "navegador": navegador,
    }


# --- Objetivos y tabla --------------------------------------------------------------------------------------


def objetivos(extraccion: dict, tamanos: dict[int, dict]) -> list[dict]:
    """PASA/FALLA de cada objetivo del issue, evaluado en el tamaño más grande medido."""
    n = max(tamanos)
    r = tamanos[n]
    nproc = extraccion["nucleos"]
    salida = []

    def meta(nombre: str, valor: float, cumple: bool, texto_meta: str, formato: str = "{:.2f}") -> None:
        salida.append({"objetivo": nombre, "valor": valor, "meta": texto_meta, "tamano": n,
                       "estado": "PASA" if cumple else "FALLA", "texto": formato.format(valor)})

    meta("extracción por núcleo (notas/s, reloj)", extraccion["por_nucleo_notas_s"],
         extraccion["por_nucleo_notas_s"] >= META_EXTRACCION_POR_NUCLEO, f"≥ {META_EXTRACCION_POR_NUCLEO}", "{:,.0f}")
    if extraccion.get("notas_s_por_nucleo_libre"):
        libre = extraccion["notas_s_por_nucleo_libre"]
        meta("extracción por núcleo libre (notas/s = 1000 / ms de CPU por nota)", libre,
             libre >= META_EXTRACCION_POR_NUCLEO, f"≥ {META_EXTRACCION_POR_NUCLEO}", "{:,.0f}")
    usados = r["construccion"]["nucleos_usados"]
    meta(f"la construcción usa todos los núcleos (CPU/reloj; {r['construccion']['procesos_max']} procesos,"
         f" carga {r['carga_maquina']})", usados, usados >= 0.75 * nproc, f"≥ {0.75 * nproc:.1f} de {nproc}")
    # A otros tamaños se extrapola linealmente al millón (lo dice la columna tamaño).
    t_1m = r["construccion"]["segundos"] * 1_000_000 / n
    meta("construcción de 1 M (s, extrapolado si N < 1 M)", t_1m, t_1m <= META_CONSTRUCCION_1M_S,
         f"≤ {META_CONSTRUCCION_1M_S}", "{:.0f}")
    inc = r["incremental_1000"]["segundos"]
    meta("+1 000 notas (s)", inc, inc <= META_INCREMENTAL_S, f"≤ {META_INCREMENTAL_S}", "{:.1f}")
    for vista, v in r["vistas"]["vistas"].items():
        meta(f"consultas p95 · {vista} (ms)", v["consulta_p95_max_s"] * 1000,
             v["consulta_p95_max_s"] <= META_CONSULTA_P95_S, f"≤ {META_CONSULTA_P95_S * 1000:.0f}", "{:.0f}")
    paginas = r["paginas"].get("paginas", {})
    for pagina, t in paginas.items():
        peor = max(t.get("fria", 0), t.get("filtrada", 0))
        meta(f"página completa · {pagina} (s, peor de fría/filtrada)", peor, peor <= META_PAGINA_S,
             f"≤ {META_PAGINA_S}")
    if r.get("navegador"):
        peor, limite = r["navegador"]["peor_s"], r["navegador"]["meta_s"]  # la meta del propio benchmark de clics
        meta("clic en el navegador (s, peor de páginas, pestañas y filtro)", peor, peor <= limite, f"≤ {limite}")
    if "rss_max_mb" in r["paginas"]:
        rss = r["paginas"]["rss_max_mb"]
        meta("memoria del tablero (MB)", rss, rss < META_RSS_TABLERO_MB, f"< {META_RSS_TABLERO_MB}", "{:.0f}")
    for vista, v in r["vistas"]["vistas"].items():
        veces = v["veces_pandas"]
        minimo = META_VECES_COPARTICIPACION if vista == "coparticipacion" else META_VECES_PANDAS
        meta(f"veces más rápido que pandas · {vista}", veces, veces >= minimo, f"≥ {minimo}×", "{:.1f}×")
    return salida


def imprimir(maquina: dict, extraccion: dict, tamanos: dict[int, dict], metas: list[dict]) -> None:
    print(f"\nReferencia de CPU (trabajo fijo de Python, ajeno a Articula): {maquina['referencia_cpu_ms']} ms al"
          f" empezar, {maquina['referencia_cpu_ms_al_final']} ms al terminar. Compare corridas con esta"
          " cifra: la misma clase de máquina rinde distinto según el día.")
    print("\nExtracción directa (mediana de {pasadas} pasadas de {muestra:,} notas): {un_proceso_notas_s:,} notas/s en"
          " 1 proceso; {todos_los_nucleos_notas_s:,} con {nucleos} núcleos ({por_nucleo_notas_s:,}/núcleo, rango"
          " {por_nucleo_rango[0]:,}–{por_nucleo_rango[1]:,})".format(**extraccion))
    print("  {cpu_ms_por_nota} ms de CPU por nota (rango {cpu_ms_rango[0]}–{cpu_ms_rango[1]}) →"
          " {notas_s_por_nucleo_libre:,} notas/s por núcleo libre"
          " (carga de la máquina {carga_maquina})".format(**extraccion))
    print(f"\n{'notas':>9} {'constr. s':>9} {'núcleos':>7} {'RSS MB':>7} {'base MB':>8} {'+1000 s':>8}"
          f" {'tablero MB':>10}")
    for n, r in sorted(tamanos.items()):
        c = r["construccion"]
        print(f"{n:>9,} {c['segundos']:>9.1f} {c['nucleos_usados']:>7.2f} {c['rss_max_mb']:>7.0f} {r['base_mb']:>8.0f}"
              f" {r['incremental_1000']['segundos']:>8.1f} {r['paginas'].get('rss_max_mb', float('nan')):>10.0f}")
    for n, r in sorted(tamanos.items()):
        print(f"\nVistas a {n:,} notas (ms; pandas = línea base como corre en Streamlit, copia de st.cache_data"
              " incluida; «sin copia» = con los datos ya en memoria, informativo)")
        print(f"{'vista':<17} {'p50':>7} {'p95':>7} {'peor p95':>8} {'pandas p50':>10} {'veces':>7} {'sin copia':>9}"
              f" {'pág. fría':>9} {'pág. tibia':>10} {'pág. filtr.':>11}")
        paginas = r["paginas"].get("paginas", {})
        for vista, v in r["vistas"]["vistas"].items():
            p = paginas.get(vista, {})
            print(f"{vista:<17} {v['p50_s'] * 1e3:>7.1f} {v['p95_s'] * 1e3:>7.1f} {v['consulta_p95_max_s'] * 1e3:>8.1f}"
                  f" {v['pandas_p50_s'] * 1e3:>10.1f} {v['veces_pandas']:>6.1f}×"
                  f" {v.get('veces_pandas_sin_copia', float('nan')):>8.1f}×"
                  f" {p.get('fria', float('nan')) * 1e3:>9.0f} {p.get('tibia', float('nan')) * 1e3:>10.0f}"
                  f" {p.get('filtrada', float('nan')) * 1e3:>11.0f}")
        if r["paginas"].get("errores"):
            print(f"  errores en páginas: {json.dumps(r['paginas']['errores'], ensure_ascii=False)[:800]}")
        vs = r["vistas"]
        print(f"  pandas: carga {vs['pandas_carga_s']:.2f} s, {vs['pandas_memoria_mb']:.0f} MB en memoria,"
              f" copia de st.cache_data por llamada {vs['pandas_copia_cache_s'] * 1e3:.0f} ms")
        nav = r.get("navegador")
        if nav:
            por_pagina = ", ".join(f"{p} " + "/".join(f"{ronda[p]:.2f}" for ronda in nav["rondas"])
                                   for p in nav["rondas"][0])
            filtro = f" filtro de región {nav['filtro_region_s']:.2f};" if "filtro_region_s" in nav else ""
            print(f"  clics en Chromium (s, primera visita/siguiente): {por_pagina};{filtro}"
                  f" primera carga {nav['primera_carga_s']:.2f}")
    print("\nObjetivos (a", f"{max(tamanos):,}", "notas):")
    for m in metas:
        print(f"  [{m['estado']:<5}] {m['objetivo']}: {m['texto']} (meta {m['meta']})")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    p.add_argument("--eventos", type=int, nargs="+", default=[10_000, 100_000],
                   help="tamaños del corpus (agregue 1000000 para la corrida grande)")
    p.add_argument("--json", type=Path, help="dónde escribir los resultados")
    p.add_argument("--rapido", action="store_true", help="menos combinaciones y repeticiones")
    p.add_argument("--semilla", type=int, default=42)
    p.add_argument("--formato", choices=("auto", "txt", "jsonl"), default="auto",
                   help="formato del corpus: auto = txt hasta 100 000, jsonl más allá")
    p.add_argument("--carpeta", type=Path, help="carpeta de trabajo (por defecto una temporal que se borra)")
    p.add_argument("--muestra", type=int, default=2_000, help="notas para medir la extracción directa")
    p.add_argument("--navegador", action="store_true",
                   help="cronometrar también clics en Chromium sobre el tablero real (benchmarks/navegador.py)")
    a = p.parse_args(argv)

    carpeta = a.carpeta or Path(tempfile.mkdtemp(prefix="articula_bench_"))
    carpeta.mkdir(parents=True, exist_ok=True)
    resultado: dict = {"maquina": medir.maquina(), "argumentos": sys.argv[1:], "tamanos": {}}
    try:
        resultado["maquina"]["referencia_cpu_ms"] = medir.referencia_cpu()
        print(f"Referencia de CPU de la máquina: {resultado['maquina']['referencia_cpu_ms']} ms", flush=True)
        print(f"Python {resultado['maquina']['python']} ({resultado['maquina']['python_ejecutable']}"
              + (", con libpython compartida: la extracción rinde menos que con una Python enlazada en un solo"
                 " ejecutable, ver docs/RENDIMIENTO.md" if resultado["maquina"]["libpython_compartida"] else "")
              + ")", flush=True)
        print("Midiendo la extracción directa…", flush=True)
        resultado["extraccion"] = medir_extraccion(a.muestra, a.semilla)
        for n in a.eventos:
            resultado["tamanos"][n] = correr_tamano(n, a.semilla, carpeta, a.formato, a.rapido, a.navegador)
            if a.json:  # resultados parciales: una corrida larga deja algo aunque se corte
                a.json.write_text(json.dumps(resultado, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    finally:
        if not a.carpeta:
            shutil.rmtree(carpeta, ignore_errors=True)
    resultado["maquina"]["referencia_cpu_ms_al_final"] = medir.referencia_cpu()
    resultado["objetivos"] = objetivos(resultado["extraccion"], resultado["tamanos"])
    imprimir(resultado["maquina"], resultado["extraccion"], resultado["tamanos"], resultado["objetivos"])
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(resultado, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
        print(f"\nJSON: {a.json}")
    return 0 if all(m["estado"] == "PASA" for m in resultado["objetivos"]) else 1


if __name__ == "__main__":
    sys.exit(main())
