"""Convierte `countries-110m.json` de world-atlas 2.0.2 (TopoJSON) en `paises_110m.geojson`, una sola vez.

Por qué: el tablero dibuja el mundo sin internet con polígonos propios, y el TopoJSON no se puede dibujar
tal cual (arcos cuantizados y codificados por diferencias). Cada país se identifica por su código ISO 3166
numérico (`id`), que `paises.csv` traduce a ISO3 y nombre en español. Uso:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python datos/geo/convertir_world_atlas.py package/countries-110m.json
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

AQUI = Path(__file__).resolve().parent
PAISES = AQUI.parent / "catalogos" / "paises.csv"
SALIDA = AQUI / "paises_110m.geojson"
SIN_ID = {"Kosovo": "XKX", "Somaliland": "SOM", "N. Cyprus": "CYP"}  # sin código ISO; van con el Estado reconocido
TERRITORIOS = {  # sin fila en paises.csv: se dibujan en gris y no filtran
    "732": ("ESH", "Sahara Occidental"), "238": ("FLK", "Islas Malvinas"), "304": ("GRL", "Groenlandia"),
    "260": ("ATF", "Tierras Australes Francesas"), "540": ("NCL", "Nueva Caledonia"),
}
OMITIDOS = {"010"}  # Antártida: ocupa medio mapa y no es un país


def arcos(topo: dict) -> list[list[tuple[float, float]]]:
    """Arcos en lon/lat: suma acumulada de las diferencias y luego escala + traslación."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    salida = []
    for arco in topo["arcs"]:
        x = y = 0
        puntos = []
        for dx, dy in arco:
            x, y = x + dx, y + dy
            puntos.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        salida.append(puntos)
    return salida


def anillo(indices: list[int], todos: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Une arcos en un anillo; un índice negativo `~i` es el arco i recorrido al revés."""
    puntos: list[tuple[float, float]] = []
    for i in indices:
        arco = todos[i] if i >= 0 else todos[~i][::-1]
        puntos.extend(arco if not puntos else arco[1:])  # el primer punto repite el último del arco anterior
    limpio = [p for k, p in enumerate(puntos) if k == 0 or p != puntos[k - 1]]  # duplicados por el redondeo
    return [list(p) for p in limpio]


def _recortar(puntos: list[list[float]], corte: float, izquierda: bool) -> list[list[float]]:
    """Parte del anillo a un lado de la recta lon = corte (Sutherland-Hodgman con un solo borde)."""
    dentro = (lambda p: p[0] <= corte) if izquierda else (lambda p: p[0] >= corte)
    salida = []
    for a, b in zip(puntos, puntos[1:] + puntos[:1], strict=True):
        if dentro(a) != dentro(b):
            t = (corte - a[0]) / (b[0] - a[0])
            salida.append([corte, a[1] + t * (b[1] - a[1])])
        if dentro(b):
            salida.append(b)
    return salida


def cortar_antimeridiano(puntos: list[list[float]]) -> list[list[list[float]]]:
    """world-atlas no corta en ±180 (es para proyecciones esféricas): Rusia y Fiyi saltan de 180 a -180 y en
    un plano cruzarían todo el mapa. Se desenrolla la longitud y se parte el anillo en los dos lados."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in zip(puntos, puntos[1:], strict=False)):
        return [cerrar(puntos)]
    seguidos = [list(puntos[0])]
    for lon, lat in puntos[1:]:
        previa = seguidos[-1][0]
        seguidos.append([previa + (lon - previa + 180) % 360 - 180, lat])
    corte, giro = (180, -360) if max(p[0] for p in seguidos) > 180 else (-180, 360)
    adentro = _recortar(seguidos, corte, izquierda=corte > 0)
    afuera = [[lon + giro, lat] for lon, lat in _recortar(seguidos, corte, izquierda=corte < 0)]
    return [cerrar(parte) for parte in (adentro, afuera) if len(parte) >= 3]


def cerrar(puntos: list[list[float]]) -> list[list[float]]:
    """Redondea a 0,01° (unos 1 km: sobra para el mapa y achica el archivo) y cierra el anillo."""
    redondeados = [[round(x, 2), round(y, 2)] for x, y in puntos]
    return redondeados if redondeados[0] == redondeados[-1] else redondeados + redondeados[:1]


def orientar(anillo: list[list[float]], exterior: bool) -> list[list[float]]:
    """RFC 7946: exteriores antihorarios, huecos horarios (el relleno de plotly respeta los huecos así)."""
    area = sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(anillo, anillo[1:], strict=False))
    return anillo if (area > 0) == exterior else anillo[::-1]


def main(origen: Path) -> None:
    topo = json.loads(origen.read_text(encoding="utf-8"))
    todos = arcos(topo)
    catalogo = {f["iso_num"]: f for f in csv.DictReader(PAISES.open(encoding="utf-8")) if f.get("iso_num")}
    nombres = {f["iso3"]: f["pais"] for f in csv.DictReader(PAISES.open(encoding="utf-8"))}
    poligonos: dict[str, list] = {}
    sin_catalogo: list[str] = []
    for g in topo["objects"]["countries"]["geometries"]:
        codigo, nombre_en = g.get("id"), g["properties"]["name"]
        if codigo in OMITIDOS:
            continue
        if codigo in catalogo:
            iso3 = catalogo[codigo]["iso3"]
        elif nombre_en in SIN_ID:
            iso3 = SIN_ID[nombre_en]
        elif codigo in TERRITORIOS:
            iso3 = TERRITORIOS[codigo][0]
            nombres[iso3] = TERRITORIOS[codigo][1]
            sin_catalogo.append(f"{codigo} {nombre_en} → {iso3} (territorio, sin fila en paises.csv)")
        else:
            sin_catalogo.append(f"{codigo} {nombre_en}: SIN CORRESPONDENCIA, omitido")
            continue
        partes = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        for parte in partes:
            exteriores = cortar_antimeridiano(anillo(parte[0], todos))
            huecos = [h for r in parte[1:] for h in cortar_antimeridiano(anillo(r, todos))]
            for exterior in exteriores:
                if len(exterior) >= 4:
                    poligono = [orientar(exterior, True)] + [orientar(h, False) for h in huecos if len(h) >= 4]
                    poligonos.setdefault(iso3, []).append(poligono)
    rasgos = [
        {"type": "Feature", "properties": {"iso3": iso3, "nombre": nombres[iso3]},
         "geometry": {"type": "MultiPolygon", "coordinates": partes}}
        for iso3, partes in sorted(poligonos.items())
    ]
    lineas = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rasgos)
    SALIDA.write_text('{"type":"FeatureCollection","features":[\n' + lineas + "\n]}\n", encoding="utf-8")
    print(f"{len(rasgos)} países y territorios → {SALIDA.name} ({SALIDA.stat().st_size // 1024} KB)")
    print("Sin fila en paises.csv:" if sin_catalogo else "Todos los rasgos están en paises.csv.")
    for linea in sin_catalogo:
        print("  " + linea)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "package/countries-110m.json"))
