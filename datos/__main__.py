"""CLI de Articula: `python -m datos construir|extraer|catalogo`.

Códigos de salida de `construir`:
  0  la construcción terminó (aunque haya rechazos: van en el resumen y en la tabla `rechazos`)
  1  no se pudo construir (ninguna ruta de entrada existe, la base no es escribible, otra construcción en curso)
  2  `--estricto` y hubo rechazos: no se guardó nada, la base queda como estaba
`extraer` sale con 0 si extrajo al menos una nota y con 1 si no.
"""

from __future__ import annotations

import argparse
import json
import sys

SALIDA_OK, SALIDA_ERROR, SALIDA_ESTRICTO = 0, 1, 2


def _construir(args: argparse.Namespace) -> int:
    from datos.almacen.construir import ConstruccionEnCurso, ErrorConstruccion, construir
    from datos.almacen.ruta import ruta_bd

    destino = ruta_bd(args.db)
    if args.si_falta and destino.exists():
        print(f"La base ya existe ({destino}); no se construye (--si-falta).", file=sys.stderr)
        return SALIDA_OK
    try:
        resumen = construir(
            args.rutas or None, destino, procesos=args.procesos, estricto=args.estricto, progreso=True
        )
    except (ErrorConstruccion, ConstruccionEnCurso) as e:
        print(f"Error: {e}", file=sys.stderr)
        return SALIDA_ERROR
    print(resumen.texto())
    if not resumen.confirmada:
        return SALIDA_ESTRICTO
    return SALIDA_OK


def _extraer(args: argparse.Namespace) -> int:
    from datos.almacen.paralelo import extraer_seguro
    from datos.extraccion import lectura
    from datos.extraccion.modelos import Rechazo

    extraidas = 0
    for dado in args.archivos:
        for item in lectura.leer([dado]):
            if isinstance(item, Rechazo):
                _avisar_rechazo(item)
                continue
            ev = extraer_seguro(item)
            if isinstance(ev, Rechazo):
                _avisar_rechazo(ev)
                continue
            ev.pop("texto", None)
            ev["archivo"] = item.archivo  # lectura conserva la ruta tal como se dio
            print(json.dumps(ev, ensure_ascii=False, default=str), flush=True)
            extraidas += 1
    return SALIDA_OK if extraidas else SALIDA_ERROR


def _avisar_rechazo(r) -> None:
    detalle = f" ({r.detalle})" if r.detalle else ""
    print(f"Rechazada: {r.archivo}: {r.motivo}{detalle}", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m datos", description="Articula: notas de prensa → base DuckDB.")
    sub = p.add_subparsers(dest="orden", required=True, metavar="{construir,extraer,catalogo}")

    c = sub.add_parser(
        "construir",
        help="construye o actualiza la base DuckDB",
        description="Agrega a la base las notas nuevas (las repetidas se reconocen por su contenido). "
        "Salida: 0 terminó (con o sin rechazos), 1 no se pudo construir, 2 --estricto con rechazos.",
    )
    c.add_argument("rutas", nargs="*", help="archivos o carpetas de notas (por defecto datos/notas/)")
    c.add_argument("--db", help="ruta de la base (por defecto $ARTICULA_DB o datos/articula.duckdb)")
    c.add_argument(
        "--estricto",
        action="store_true",
        help="cualquier rechazo hace fallar la corrida (salida 2) y entonces no se guarda nada",
    )
    c.add_argument("--si-falta", action="store_true", help="no hace nada si la base ya existe")
    c.add_argument("--procesos", type=int, default=None, help="procesos de extracción (por defecto, todos los núcleos)")
    c.set_defaults(funcion=_construir)

    e = sub.add_parser("extraer", help="imprime una línea JSON por nota con los campos extraídos")
    e.add_argument("archivos", nargs="+", help="archivos o carpetas de notas")
    e.set_defaults(funcion=_extraer)

    from datos.curaduria.cli import agregar_subparser

    agregar_subparser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if getattr(args, "procesos", None) is not None and args.procesos < 1:
        print("Error: --procesos debe ser 1 o más.", file=sys.stderr)
        return SALIDA_ERROR
    return args.funcion(args)


if __name__ == "__main__":
    sys.exit(main())
