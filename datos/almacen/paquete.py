"""Lo que hace cada trabajador con un grupo de archivos: leer → huella → extraer → tablas Arrow.

Así el proceso principal no lee, no normaliza ni hashea, y no despickea un dict por nota:
recibe un `Paquete` (una lista compacta de lo que pasó con cada nota leída y tablas Arrow
con las extraídas) y solo decide duplicados entre grupos y asigna ids.

Las notas cuya huella ya está en la base (`Contexto.hi`/`lo`, arreglos ordenados) o que se
repiten dentro del grupo no se extraen: la huella sigue consultándose *antes* de extraer.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa

from datos.almacen.hashing import huella_de_normalizado, normalizar
from datos.almacen.paralelo import extraer_seguro
from datos.extraccion import lectura
from datos.extraccion.modelos import NotaCruda, Rechazo

MOTIVO_LECTURA_FALLIDA = "no se pudo leer la ruta"
MOTIVO_NOTA_VACIA = "la nota no tiene texto"

# Qué pasó con cada nota o registro leído (primer campo de `Paquete.items`).
RECHAZO, VACIA, EN_BASE, REPETIDA, NUEVA, ERROR = "R", "V", "B", "D", "N", "E"

COLUMNAS_EVENTO = (
    "titulo",
    "tipo_nota",
    "numero_nota",
    "fecha_publicacion",
    "fecha_evento",
    "oficina",
    "tipo_oficina",
    "pais",
    "region",
    "tipo_evento",
)
EVIDENCIAS = ("fecha_publicacion", "fecha_evento", "oficina", "region", "tipo_evento")


@dataclass
class Contexto:
    """Lo que el trabajador necesita saber de la corrida: prefijo a recortar y huellas ya en la base."""

    recortar: str | None = None
    hi: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))  # 64 bits altos, ordenados
    lo: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))  # 64 bits bajos, alineados

    def en_base(self, alto: int, bajo: int) -> bool:
        i = int(np.searchsorted(self.hi, alto))
        while i < len(self.hi) and int(self.hi[i]) == alto:
            if int(self.lo[i]) == bajo:
                return True
            i += 1
        return False


@dataclass
class Paquete:
    """Resultado de un grupo: `items` en orden de lectura y tablas con las notas extraídas.

    items: (código, archivo, huella | None, motivo | None, detalle | None).
    `notas` tiene una fila por item NUEVA (en orden); `orgs`, `temas` y `espacios` la
    referencian por `fila`.
    """

    items: list[tuple]
    notas: pa.Table
    orgs: pa.Table
    temas: pa.Table
    espacios: pa.Table


_CONTEXTO = Contexto()


def fijar_contexto(contexto: Contexto) -> None:
    global _CONTEXTO
    _CONTEXTO = contexto


def _texto(valor: object) -> str | None:
    if valor is None:
        return None
    return valor if isinstance(valor, str) else str(valor)


def cadenas(valores: list) -> pa.Array:
    """Columna de texto; si la extracción trajo algún valor no textual, se convierte en vez de fallar."""
    try:
        return pa.array(valores, pa.string())
    except (pa.ArrowTypeError, pa.ArrowInvalid):
        return pa.array([_texto(v) for v in valores], pa.string())


def _leer(ruta: str) -> list[NotaCruda | Rechazo]:
    try:
        return list(lectura.leer_archivo(ruta))
    except Exception as e:  # noqa: BLE001 - una ruta ilegible no debe detener el lote
        return [Rechazo(ruta, MOTIVO_LECTURA_FALLIDA, f"{type(e).__name__}: {e}"[:500])]


def procesar(elementos: list[str | Rechazo]) -> Paquete:
    """Lee, hashea y extrae las notas nuevas de un grupo de archivos (en un trabajador o en el principal).

    Los `Rechazo` del recorrido de carpetas vienen mezclados con las rutas para conservar el orden.
    """
    ctx = _CONTEXTO
    recortar = ctx.recortar
    items: list[tuple] = []
    vistas: set[str] = set()
    extraidas: list[tuple[str, NotaCruda, dict]] = []
    for elemento in elementos:
        for item in [elemento] if isinstance(elemento, Rechazo) else _leer(elemento):
            archivo = item.archivo
            if recortar and archivo.startswith(recortar):
                archivo = archivo[len(recortar) :]
            if isinstance(item, Rechazo):
                items.append((RECHAZO, archivo, None, item.motivo, item.detalle))
                continue
            normal = normalizar(item.texto)
            if not normal:
                items.append((VACIA, archivo, None, MOTIVO_NOTA_VACIA, ""))
                continue
            resumen = huella_de_normalizado(normal)
            huella = resumen.hex()
            if huella in vistas:
                items.append((REPETIDA, archivo, huella, None, None))
                continue
            vistas.add(huella)
            if ctx.en_base(int.from_bytes(resumen[:8], "big"), int.from_bytes(resumen[8:], "big")):
                items.append((EN_BASE, archivo, huella, None, None))
                continue
            if archivo != item.archivo:
                item = dataclasses.replace(item, archivo=archivo)
            ev = extraer_seguro(item)
            if isinstance(ev, Rechazo):
                items.append((ERROR, ev.archivo, huella, ev.motivo, ev.detalle))
                continue
            items.append((NUEVA, archivo, huella, None, None))
            extraidas.append((huella, item, ev))
    return _empaquetar(items, extraidas)


def _empaquetar(items: list[tuple], extraidas: list[tuple[str, NotaCruda, dict]]) -> Paquete:
    evs = [e for _, _, e in extraidas]
    notas = [n for _, n, _ in extraidas]
    urls = cadenas([e.get("url") or n.url for _, n, e in extraidas])
    cols: dict[str, pa.Array] = {
        "hash_contenido": pa.array([h for h, _, _ in extraidas], pa.string()),
        "archivo": cadenas([n.archivo for n in notas]),
        "url": urls,
        "titulo_nota": cadenas([e.get("titulo") or n.titulo for _, n, e in extraidas]),
        "texto": cadenas([e.get("texto") or n.texto for _, n, e in extraidas]),
        "formato": cadenas([n.formato for n in notas]),
        "sintetica": pa.array([bool(n.sintetica or e.get("sintetica")) for _, n, e in extraidas], pa.bool_()),
    }
    for c in COLUMNAS_EVENTO:
        cols[c] = cadenas([e.get(c) for e in evs])
    evidencias = [e.get("evidencias") or {} for e in evs]
    for c in EVIDENCIAS:
        cols["evidencia_" + c] = cadenas([d.get(c) or None for d in evidencias])

    # Organizaciones: todas las menciones con nombre (el estado de cada organización se actualiza con
    # cada una, en orden); `primera` marca la que da la fila evento_organizacion.
    o_fila, o_nombre, o_sigla, o_tipo, o_cat, o_primera, o_mencion, o_evid = ([] for _ in range(8))
    t_fila, t_tema, t_evid = [], [], []
    s_fila, s_esp, s_evid = [], [], []
    for fila, ev in enumerate(evs):
        vistas: set = set()
        for o in ev.get("organizaciones") or ():
            nombre = _texto(o.get("nombre"))
            if not nombre:
                continue
            o_fila.append(fila)
            o_nombre.append(nombre)
            o_sigla.append(_texto(o.get("sigla")))
            o_tipo.append(_texto(o.get("tipo")))
            o_cat.append(bool(o.get("en_catalogo")))
            o_primera.append(nombre not in vistas)
            vistas.add(nombre)
            o_mencion.append(o.get("mencion"))
            o_evid.append(o.get("evidencia"))
        for campo, lista, filas, valores, evidencias_ in (
            ("tema", "temas", t_fila, t_tema, t_evid),
            ("nombre", "espacios", s_fila, s_esp, s_evid),
        ):
            vistas = set()
            for h in ev.get(lista) or ():
                valor = h.get(campo)
                if valor and valor not in vistas:
                    vistas.add(valor)
                    filas.append(fila)
                    valores.append(valor)
                    evidencias_.append(h.get("evidencia"))
    i32 = pa.int32()
    orgs = pa.table(
        {
            "fila": pa.array(o_fila, i32),
            "nombre": pa.array(o_nombre, pa.string()),
            "sigla": pa.array(o_sigla, pa.string()),
            "tipo": pa.array(o_tipo, pa.string()),
            "en_catalogo": pa.array(o_cat, pa.bool_()),
            "primera": pa.array(o_primera, pa.bool_()),
            "mencion": cadenas(o_mencion),
            "evidencia": cadenas(o_evid),
        }
    )
    temas = pa.table({"fila": pa.array(t_fila, i32), "tema": cadenas(t_tema), "evidencia": cadenas(t_evid)})
    espacios = pa.table({"fila": pa.array(s_fila, i32), "espacio": cadenas(s_esp), "evidencia": cadenas(s_evid)})
    return Paquete(items, pa.table(cols), orgs, temas, espacios)
