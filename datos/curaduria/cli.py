"""`python -m datos catalogo ...`: las mismas decisiones de la página Curaduría, para quien escribe scripts.

Salida 0 si la orden se cumplió, 1 si no (el motivo va a stderr, en español).
"""

from __future__ import annotations

import argparse
import sys

from datos.extraccion.organizaciones import TIPOS


def _imprimir_resultado(resultado) -> int:
    print(resultado.texto())
    return 0


def _ejecutar(args: argparse.Namespace) -> int:
    from datos import curaduria
    from datos.almacen.bloqueo import ConstruccionEnCurso
    from datos.curaduria.pendientes import pendientes

    try:
        if args.accion == "pendientes":
            for p in pendientes(args.db):
                sugeridas = curaduria.sugerencias(p["nombre"], p["sigla"], n=1)
                extra = f"  → ¿{sugeridas[0].organizacion}? ({sugeridas[0].puntaje:.0f})" if sugeridas else ""
                print(f"{p['notas']:>4}  {p['nombre']} [{p['tipo'] or 'sin tipo'}]{extra}")
            return 0
        if args.accion == "sugerencias":
            for s in curaduria.sugerencias(args.nombre, n=args.n):
                print(f"{s.puntaje:5.1f}  {s.organizacion}  (por «{s.forma}»)")
            return 0
        if args.accion == "cambios":
            for c in curaduria.leer_cambios():
                estado = " [deshecho]" if c.deshecho else ""
                print(f"{c.id:>4}  {c.fecha}  {c.descripcion()}  · {c.notas} notas{estado}")
            return 0
        if args.accion == "agregar":
            return _imprimir_resultado(curaduria.agregar(args.nombre, args.tipo, args.sigla or "", ruta_bd=args.db))
        if args.accion == "alias":
            return _imprimir_resultado(curaduria.alias(args.forma, args.de, ruta_bd=args.db))
        if args.accion == "ignorar":
            return _imprimir_resultado(curaduria.ignorar(args.nombre))
        if args.accion == "deshacer":
            return _imprimir_resultado(curaduria.deshacer(args.id, ruta_bd=args.db))
    except (curaduria.ErrorCatalogo, ConstruccionEnCurso) as e:
        print(f"Error: {e}", file=sys.stderr)
        return 1
    return 1


def agregar_subparser(sub: argparse._SubParsersAction) -> None:
    """Declara `catalogo` y sus órdenes en el parser de `python -m datos`."""
    c = sub.add_parser(
        "catalogo",
        help="curaduría del catálogo de organizaciones (agregar, alias, ignorar, deshacer)",
        description="Cada decisión se escribe en datos/catalogos/*.csv, queda en catalogos/cambios.csv "
        "y reextrae solo las notas afectadas.",
    )
    c.add_argument("--db", help="ruta de la base (por defecto $ARTICULA_DB o datos/articula.duckdb)")
    acciones = c.add_subparsers(dest="accion", required=True)
    acciones.add_parser("pendientes", help="organizaciones halladas fuera del catálogo, con su mejor sugerencia")
    s = acciones.add_parser("sugerencias", help="organizaciones del catálogo parecidas a un nombre")
    s.add_argument("nombre")
    s.add_argument("-n", type=int, default=5)
    acciones.add_parser("cambios", help="bitácora de decisiones")
    a = acciones.add_parser("agregar", help="agrega una organización nueva al catálogo")
    a.add_argument("nombre")
    a.add_argument("--tipo", required=True, choices=TIPOS)
    a.add_argument("--sigla")
    al = acciones.add_parser("alias", help="agrega un nombre como alias de una organización del catálogo")
    al.add_argument("forma", help="el nombre tal como aparece en las notas")
    al.add_argument("--de", required=True, help="nombre canónico de la organización del catálogo")
    i = acciones.add_parser("ignorar", help="deja de proponer un nombre en la curaduría")
    i.add_argument("nombre")
    d = acciones.add_parser("deshacer", help="revierte un cambio de la bitácora")
    d.add_argument("id", type=int)
    c.set_defaults(funcion=_ejecutar)
