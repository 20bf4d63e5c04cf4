"""Construcción de la base DuckDB: esquema, carga incremental, reemplazo atómico y marts.

Decisiones (ver cada módulo):
- Idempotencia: huella BLAKE2b del texto normalizado (`hashing.py`), consultada *antes* de
  extraer; ids correlativos (max + 1). Las tablas no llevan índices ART (ver `01_notas.sql`).
- Atomicidad: se escribe en `<base>.tmp-<pid>` y se publica con `os.replace` tras CHECKPOINT
  y fsync (`atomico.py`); un candado `flock` (`bloqueo.py`) impide dos construcciones a la vez.
- `--estricto`: si hubo cualquier rechazo no se publica nada (ni siquiera la fila de
  `construcciones`); el resumen lo dice y la CLI sale con 2.
- `rechazos` guarda el último estado de cada archivo: lo que se vuelve a leer reemplaza sus
  rechazos anteriores (repetir no duplica; corregir el archivo lo quita de la lista).
- Reparto: los trabajadores (`paralelo.py`) leen, hashean y extraen grupos de archivos
  (`paquete.py`) y devuelven tablas Arrow; el proceso principal solo recorre carpetas, descarta
  duplicados entre grupos, asigna ids y vuelca a DuckDB (lo serie queda en ~0,25 ms de CPU por nota).
- Marts (`datos/esquema/marts/`): cálculo completo o incremental (`marts.py`).
- API: `datos.almacen.construir.construir(rutas, ruta_bd, procesos, estricto, progreso) -> Resumen`.
"""
