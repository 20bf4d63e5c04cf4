"""Corpus sintético para benchmarks: N notas con la forma de las reales de gob.pe.

Uso: `python -m benchmarks.sintetico --notas N --semilla S --salida DIR [--formato txt|jsonl]`.

Cada nota lleva dos marcas para que nunca pase por real: la última línea del texto
es `MARCA` seguida de su url, y la url empieza por `PREFIJO_URL`. El lector
(`datos/extraccion/lectura.py`) debe poner `NotaCruda.sintetica = True` al verlas.

Determinista: la misma semilla (y los mismos catálogos) da los mismos bytes.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from json.encoder import encode_basestring as _json
from pathlib import Path

from benchmarks import catalogo_sintetico
from benchmarks.catalogo_sintetico import DIRECCIONES_REGIONALES, MINISTERIOS, Vocabulario

MARCA = "[NOTA SINTÉTICA — benchmark Articula]"
PREFIJO_URL = "sintetico://"
ARCHIVOS_POR_CARPETA = 10_000
NOTAS_POR_JSONL = 5_000  # ≈ 8 MB por archivo, por debajo del límite de 20 MB del lector
TASA_SIN_FECHA = 0.03
TASA_DUPLICADA = 0.02
TASA_VARIANTE = 0.01

MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre")
TIPOS_NOTA = ("Nota Informativa",) * 8 + ("Nota de Prensa", "Comunicado de Prensa")
SEPARADORES_NUMERO = (" – ", "-", " - ", " – ")

# (tipo de evento, frase con artículo indefinido, verbo en pasado, sustantivo para títulos, con artículo)
EVENTOS = (
    ("reunión", "una reunión de trabajo", "sostuvo", "reunión de trabajo", "la reunión"),
    ("mesa de trabajo", "la sesión ordinaria de la mesa de trabajo", "lideró", "mesa de trabajo", "la sesión"),
    ("conversatorio", "un conversatorio", "organizó", "conversatorio", "el conversatorio"),
    ("capacitación", "un taller de capacitación", "dictó", "taller de capacitación", "el taller"),
    ("visita", "una visita de trabajo", "realizó", "visita de trabajo", "la visita"),
    ("campaña", "una campaña informativa", "desarrolló", "campaña informativa", "la campaña"),
    ("ceremonia", "una ceremonia", "presidió", "ceremonia", "la ceremonia"),
    ("consulado itinerante", "un consulado itinerante", "realizó", "consulado itinerante", "el consulado itinerante"),
    ("feria", "una feria", "participó en", "feria", "la feria"),
)

# tema → (frase del título, oraciones del cuerpo con sus palabras clave)
TEMAS: dict[str, tuple[str, tuple[str, ...]]] = {
    "migración y refugio": ("refugiados y migrantes", (
        "Se abordó la regularización migratoria y el acceso a servicios de la población refugiada y migrante.",
        "Los participantes revisaron la atención de solicitudes de refugio en frontera y la protección de migrantes.",
        "El plan de trabajo prioriza la integración socioeconómica de la población migrante en la región.",
    )),
    "comunidad peruana en el exterior": ("la comunidad peruana", (
        "La actividad benefició a compatriotas que residen en la circunscripción consular.",
        "Se brindó asistencia y protección a connacionales, así como orientación sobre trámites consulares.",
        "La comunidad peruana en el exterior recibió información sobre el voto y la renovación del DNI.",
    )),
    "cultura": ("la cultura peruana", (
        "La muestra cultural difundió la gastronomía, la música y las artesanías del Perú.",
        "El programa \u201cUn libro, un sueño\u201d promueve la lectura y la identidad cultural en la niñez.",
        "Se presentó una exposición sobre el patrimonio arqueológico y la herencia cultural del país.",
    )),
    "comercio e inversiones": ("el comercio y las inversiones", (
        "Se identificaron oportunidades de exportación para productores y mypes de la región.",
        "La rueda de negocios reunió a empresarios interesados en la oferta exportable peruana.",
        "Se promovieron las inversiones y el comercio exterior con énfasis en la agroexportación.",
    )),
    "turismo": ("el turismo", (
        "Se promocionaron los destinos turísticos de la región ante operadores internacionales.",
        "La campaña de promoción turística destacó los atractivos naturales y culturales del país.",
    )),
    "educación": ("la educación", (
        "Se entregaron becas y se difundieron oportunidades de estudio en el extranjero.",
        "Los estudiantes participaron en charlas sobre política exterior y cooperación educativa.",
    )),
    "salud": ("la salud", (
        "La campaña de salud ofreció vacunación y atención médica gratuita.",
        "Se coordinó la atención sanitaria de poblaciones vulnerables en zonas de frontera.",
    )),
    "seguridad y fronteras": ("la integración fronteriza", (
        "Se revisaron los acuerdos del comité de frontera y la seguridad en los pasos fronterizos.",
        "Las autoridades coordinaron acciones contra la trata de personas y el tráfico ilícito de migrantes.",
    )),
    "cooperación internacional": ("la cooperación internacional", (
        "Se evaluaron proyectos de cooperación técnica y financiera no reembolsable.",
        "La cooperación internacional permitirá fortalecer capacidades de los gobiernos locales.",
    )),
    "género y violencia": ("la prevención de la violencia contra la mujer", (
        "Se realizaron actividades por el Día Internacional de la Eliminación de la Violencia contra la Mujer.",
        "Se difundieron los servicios de atención a víctimas de violencia de género.",
    )),
    "medio ambiente": ("el medio ambiente", (
        "Se discutieron acciones frente al cambio climático y la conservación de la Amazonía.",
        "La jornada incluyó la reforestación y la gestión de residuos sólidos.",
    )),
}
NOMBRES_TEMAS = tuple(TEMAS)
_TEMAS_LISTA = tuple(TEMAS.values())
_ACCIONES = ("participa en", "lidera", "organiza", "promueve")

# (cargo, nombre): concordancia de género.
PERSONAS = (
    ("El director", "Manuel Soares"), ("El jefe", "José Alberto Ortiz"),
    ("La directora", "Carmen Rosa Villanueva"), ("El representante", "Luis Alberto Quispe"),
    ("La jefa", "Ana María Flores"), ("El director", "Jorge Chávez Rivas"),
    ("La representante", "Rosa Elena Mamani"), ("El jefe", "Patricio Rubio"),
    ("La directora", "María Fernanda Salazar"), ("El representante", "Carlos Gil Montes"),
    ("La jefa", "Julia Huamán Torres"), ("El director", "Ricardo Palma Díaz"),
)
CIERRES = (
    "De esta manera, la Cancillería reafirma su compromiso con la articulación interinstitucional.",
    "Las instituciones acordaron reunirse nuevamente para dar seguimiento a los compromisos asumidos.",
    "Los asistentes destacaron la importancia del trabajo conjunto y coordinado entre los sectores.",
    "La actividad se enmarca en la política exterior descentralizada del Ministerio de Relaciones Exteriores.",
    "Finalmente, se acordó elaborar un plan de acción con metas para el próximo semestre.",
)
RELLENO = (
    "Durante la jornada se presentaron los avances de los compromisos asumidos en la sesión anterior y se"
    " recogieron los aportes de las instituciones participantes, que coincidieron en la necesidad de"
    " fortalecer los canales de comunicación y de intercambiar información de manera oportuna.",
    "Los participantes valoraron el espacio de diálogo, que permite generar sinergias entre las instituciones"
    " públicas, las organizaciones de la sociedad civil y la cooperación internacional, y expresaron su"
    " voluntad de continuar trabajando de manera articulada en beneficio de la población.",
    "En su intervención, se resaltó el rol de las oficinas desconcentradas como enlace entre las prioridades"
    " de la política exterior y las necesidades de las regiones, así como la importancia de sostener el"
    " trabajo técnico a lo largo del año.",
)
INICIO = date(2015, 1, 1)
DIAS = (date(2025, 12, 31) - INICIO).days
_MARGEN = 15  # días antes de INICIO, para "el pasado …" de las primeras notas
# (día, mes en letras, año) por índice de día: evita aritmética de fechas por nota.
_CALENDARIO = tuple(
    (d.day, MESES[d.month - 1], d.year)
    for d in (INICIO + timedelta(days=k - _MARGEN) for k in range(DIAS + _MARGEN))
)


@dataclass(frozen=True)
class NotaSintetica:
    """Una nota generada: nombre relativo del archivo, texto completo y url (siempre `sintetico://`)."""

    nombre: str
    texto: str
    url: str


def _lista(partes: list[str]) -> str:
    """Coordina con comas e "y" (o "e" ante i-/hi-), como en las notas."""
    if len(partes) == 1:
        return partes[0]
    ultimo = partes[-1]
    conj = " e " if ultimo.lower().startswith(("i", "hi")) and not ultimo.lower().startswith("hie") else " y "
    return ", ".join(partes[:-1]) + conj + ultimo


_FEMENINOS = ("ión", "ía", "dad", "Agencia", "Cámara", "Cruz", "Unión", "Organización", "Superintendencia",
              "Universidad", "Comisión", "Sociedad", "Policía", "Defensoría", "Fiscalía", "Municipalidad",
              "Gerencia", "Dirección", "Oficina", "Asociación", "Federación", "Fundación", "Red", "Mesa")


def _formas(org: tuple[str, str | None, str]) -> tuple[str, str, str]:
    """(nombre con artículo, "Nombre (SIGLA)" con artículo, sigla sola): las tres maneras de nombrarla."""
    nombre, sigla, _ = org
    art = "la" if nombre.split(" ", 1)[0].endswith(_FEMENINOS) else "el"
    completo = f"{art} {nombre}"
    if not sigla:
        return completo, completo, completo
    return completo, f"{completo} ({sigla})", sigla


class _Azar:
    """Lo mínimo de `random.Random` que usa el generador, sobre `random()` solo: 3× más rápido que
    `choice`/`randint`/`sample` y con la misma garantía (Mersenne Twister, estable entre versiones)."""

    def __init__(self, semilla: int | str) -> None:
        self.random = random.Random(semilla).random  # str: se siembra con SHA-512, estable entre corridas

    def choice(self, seq):  # noqa: ANN001, ANN201
        return seq[int(self.random() * len(seq))]

    def randrange(self, n: int) -> int:
        return int(self.random() * n)

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def sample(self, seq, k: int) -> list:  # noqa: ANN001
        """k elementos distintos (por posición), en el orden en que salieron."""
        n, r = len(seq), self.random
        k = min(k, n)
        elegidos: list[int] = []
        while len(elegidos) < k:
            i = int(r() * n)
            if i not in elegidos:
                elegidos.append(i)
        return [seq[i] for i in elegidos]


class Generador:
    """Arma las notas de un bloque (una subcarpeta) con su propio azar sembrado por (semilla, bloque).

    Bloques independientes = se pueden generar en paralelo y el resultado no depende
    de cuántos procesos se usen.
    """

    def __init__(self, semilla: int, vocabulario: Vocabulario, bloque: int = 0, prefijo: str = "sint") -> None:
        self.rng = _Azar(f"articula:{semilla}:{bloque}")
        self.semilla = semilla
        self.voc = vocabulario
        self.prefijo = prefijo
        self._previas: list[tuple[str, str]] = []  # (texto, url) candidatas a duplicarse
        self._formas = tuple(_formas(o) for o in vocabulario.organizaciones)

    def notas(self, desde: int, hasta: int) -> Iterator[NotaSintetica]:
        """Notas número `desde` … `hasta - 1` (todas del mismo bloque)."""
        rng, previas, prefijo = self.rng, self._previas, self.prefijo
        carpeta = f"{desde // ARCHIVOS_POR_CARPETA:04d}"
        for i in range(desde, hasta):
            nombre = f"{carpeta}/{prefijo}_{i:08d}.txt"
            r = rng.random()
            if previas and r < TASA_DUPLICADA + TASA_VARIANTE:
                texto, url = previas[int(rng.random() * len(previas))]
                if r >= TASA_DUPLICADA:
                    texto = self._variante(texto)
                yield NotaSintetica(nombre, texto, url)
                continue
            url = f"{PREFIJO_URL}articula/s{self.semilla}/{i:08d}"
            texto = self._nota(url)
            if len(previas) < 500:
                previas.append((texto, url))
            else:
                previas[int(rng.random() * 500)] = (texto, url)
            yield NotaSintetica(nombre, texto, url)

    def _variante(self, texto: str) -> str:
        """Mismo contenido con otros espacios: dobles espacios, espacios finales y líneas en blanco extra."""
        lineas = texto.split("\n")
        k = self.rng.randint(1, max(1, len(lineas) - 2))
        lineas[k] = lineas[k].replace(" ", "  ", 1) + "  "
        return "\n\n".join(lineas[:k]) + "\n" + "\n".join(lineas[k:]) + "\n"

    def _nota(self, url: str) -> str:
        # `r()` en línea en vez de choice/randint: la mitad del costo por nota era llamar funciones.
        r, voc = self.rng.random, self.voc
        dia_pub = _MARGEN + int(r() * DIAS)
        dia, mes, anio = _CALENDARIO[dia_pub]
        sin_fecha = r() < TASA_SIN_FECHA
        tipo_nota = TIPOS_NOTA[int(r() * len(TIPOS_NOTA))]
        _, frase_ev, verbo, sust_ev, art_ev = EVENTOS[int(r() * len(EVENTOS))]
        temas = self.rng.sample(_TEMAS_LISTA, 1 if r() < 0.6 else 2)
        frase_tema = temas[0][0]

        u = r()
        if u < 0.6:  # oficina desconcentrada
            oficina, region = voc.oficinas_desconcentradas[int(r() * len(voc.oficinas_desconcentradas))]
            sujeto, lugar, titulo_sujeto = f"la {oficina}", f"en la región {region}", oficina
        elif u < 0.7:  # sede central
            region = voc.departamentos[int(r() * len(voc.departamentos))][0]
            sujeto, lugar = "la Cancillería", f"en la sede central del Ministerio, con autoridades de {region}"
            titulo_sujeto = "Cancillería"
        else:  # misión en el exterior
            pais, ciudad, consulado = voc.misiones[int(r() * len(voc.misiones))]
            if consulado:
                titulo_sujeto = f"Consulado General del Perú en {ciudad}"
                sujeto = "el " + titulo_sujeto
            else:
                titulo_sujeto = f"Embajada del Perú en {pais}"
                sujeto = "la " + titulo_sujeto
            lugar = f"en la ciudad de {ciudad}, {pais}"

        # cada organización: 45 % "Nombre (SIGLA)", 15 % solo la sigla, 40 % nombre completo.
        menciones = [f[1] if (x := r()) < 0.45 else f[2] if x < 0.6 else f[0]
                     for f in self.rng.sample(self._formas, 1 + int(r() * 5))]
        titulo = f"{titulo_sujeto} {_ACCIONES[int(r() * 4)]} {sust_ev} sobre {frase_tema}"

        resumen = f"El objetivo de {art_ev} fue fortalecer la coordinación sobre {frase_tema}."
        if r() < 0.2:  # el resumen pegado al rótulo, como en algunas notas descargadas
            partes = [titulo, "", tipo_nota + resumen]
        else:
            partes = [titulo, "", tipo_nota, resumen]
        leyenda = titulo if r() < 0.7 else ("Reunión de trabajo", "Foto oficial", titulo_sujeto)[int(r() * 3)]
        partes.extend([leyenda] * int(r() * 6))
        partes.append("")
        if not sin_fecha:
            h = 8 + int(r() * 12)
            partes.append(f"{dia} de {mes} de {anio} - {(h - 1) % 12 + 1}:{int(r() * 60):02d} "
                          f"{'a. m.' if h < 12 else 'p. m.'}")
            partes.append("")
        if r() < 0.95:
            sep = SEPARADORES_NUMERO[int(r() * len(SEPARADORES_NUMERO))]
            partes.append(f"{tipo_nota} {1 + int(r() * 1999)}{sep}{anio % 100:02d}")
            partes.append("")

        cuando = ""
        if not sin_fecha:
            c = r()
            if c < 0.55:
                dia_ev, mes_ev, _ = _CALENDARIO[dia_pub - 1 - int(r() * 12)]
                cuando = f"El pasado {dia_ev} de {mes_ev}, "
            elif c < 0.7:
                cuando = "El día de hoy, "
        inicio = f"{cuando}{sujeto} {verbo} {frase_ev} {lugar}, sobre {frase_tema}."
        partes.append(inicio[0].upper() + inicio[1:])
        partes.append("")
        partes.append(f"{art_ev.capitalize()} contó con la participación de representantes de {_lista(menciones)}."
                      .replace(" de el ", " del "))
        if r() < 0.35:
            lista = f"los Ministerios de {_lista(self.rng.sample(MINISTERIOS, 2 + int(r() * 3)))}"
            if u < 0.6 and r() < 0.5:
                dr = _lista(self.rng.sample(DIRECCIONES_REGIONALES, 3))
                lista += f", así como las direcciones regionales de {dr}"
            partes.append(f"Asimismo, participaron {lista}.")
        partes.append("")
        for _, oraciones in temas:
            partes.append(oraciones[int(r() * len(oraciones))])
        cargo, persona = PERSONAS[int(r() * len(PERSONAS))]
        partes.append(f"{cargo} de {sujeto}, {persona}, destacó el trabajo conjunto con {menciones[-1]}."
                      .replace(" de el ", " del "))
        partes.append("")
        partes.append(RELLENO[int(r() * len(RELLENO))])
        partes.append("")
        partes.append(CIERRES[int(r() * len(CIERRES))])
        partes.append("")
        partes.append(f"{MARCA} {url}")
        return "\n".join(partes) + "\n"


def _bloques(n: int) -> list[tuple[int, int, int]]:
    return [(b, b * ARCHIVOS_POR_CARPETA, min(n, (b + 1) * ARCHIVOS_POR_CARPETA))
            for b in range((n + ARCHIVOS_POR_CARPETA - 1) // ARCHIVOS_POR_CARPETA)]


def generar(
    n: int, semilla: int, vocabulario: Vocabulario | None = None, prefijo: str = "sint"
) -> Iterator[NotaSintetica]:
    """Las `n` notas de la semilla, en orden (incluye duplicadas exactas y variantes de espacios)."""
    voc = vocabulario if vocabulario is not None else catalogo_sintetico.cargar()
    for bloque, desde, hasta in _bloques(n):
        yield from Generador(semilla, voc, bloque, prefijo).notas(desde, hasta)


# Estado de los procesos hijos (se hereda con fork o se pasa en el inicializador).
_TRABAJO: dict = {}


def _iniciar(semilla: int, voc: Vocabulario, prefijo: str, salida: Path | None) -> None:
    _TRABAJO.update(semilla=semilla, voc=voc, prefijo=prefijo, salida=salida)


def _bloque_txt(tarea: tuple[int, int, int]) -> int:
    """Escribe una subcarpeta completa (archivos + fuentes.csv); devuelve cuántas notas escribió."""
    bloque, desde, hasta = tarea
    t = _TRABAJO
    carpeta = t["salida"] / f"{bloque:04d}"
    carpeta.mkdir(exist_ok=True)
    filas = ["archivo,url\n"]
    base = str(t["salida"]) + os.sep
    abrir, escribir_fd, cerrar = os.open, os.write, os.close
    banderas = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    for nota in Generador(t["semilla"], t["voc"], bloque, t["prefijo"]).notas(desde, hasta):
        fd = abrir(base + nota.nombre, banderas, 0o644)
        try:
            escribir_fd(fd, nota.texto.encode("utf-8"))
        finally:
            cerrar(fd)
        filas.append(f"{nota.nombre.rsplit('/', 1)[1]},{nota.url}\n")
    (carpeta / "fuentes.csv").write_text("".join(filas), encoding="utf-8")
    return hasta - desde


def _bloque_jsonl(tarea: tuple[int, int, int]) -> int:
    """Escribe el bloque como archivos JSONL de ≤ NOTAS_POR_JSONL líneas (el lector rechaza archivos > 20 MB)."""
    bloque, desde, hasta = tarea
    t = _TRABAJO
    # Igual a json.dumps(..., ensure_ascii=False) del dict, un 25 % más rápido.
    lineas = [
        f'{{"archivo": {_json(nota.nombre)}, "texto": {_json(nota.texto)}, '
        f'"url": {_json(nota.url)}, "sintetica": true}}\n'
        for nota in Generador(t["semilla"], t["voc"], bloque, t["prefijo"]).notas(desde, hasta)
    ]
    for k in range(0, len(lineas), NOTAS_POR_JSONL):
        destino = t["salida"] / f"{t['prefijo']}_{desde + k:08d}.jsonl"
        destino.write_bytes("".join(lineas[k:k + NOTAS_POR_JSONL]).encode("utf-8"))
    return hasta - desde


def escribir(
    n: int,
    semilla: int,
    salida: Path,
    formato: str = "txt",
    vocabulario: Vocabulario | None = None,
    prefijo: str = "sint",
    procesos: int | None = None,
) -> Path:
    """Escribe el corpus en `salida` y la devuelve.

    txt: subcarpetas de ≤ 10 000 archivos, cada una con su `fuentes.csv` (archivo,url)
    como `datos/notas/`. jsonl: archivos `<prefijo>_<primera>.jsonl` de ≤ 5 000 líneas con
    archivo, texto, url, sintetica (pocos archivos grandes: mucho más rápido en disco).
    Usa todos los núcleos (un bloque por tarea); los bytes no dependen de `procesos`.
    """
    if formato not in ("txt", "jsonl"):
        raise ValueError(f"formato desconocido: {formato}")
    salida.mkdir(parents=True, exist_ok=True)
    voc = vocabulario if vocabulario is not None else catalogo_sintetico.cargar()
    tareas = _bloques(n)
    procesos = min(procesos or os.cpu_count() or 1, len(tareas)) or 1
    funcion = _bloque_txt if formato == "txt" else _bloque_jsonl
    argumentos = (semilla, voc, prefijo, salida)
    if procesos == 1:
        _iniciar(*argumentos)
        for _ in map(funcion, tareas):
            pass
    else:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(procesos, _iniciar, argumentos) as pool:
            for _ in pool.imap_unordered(funcion, tareas):
                pass
    return salida


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.sintetico", description=__doc__.splitlines()[0])
    p.add_argument("--notas", type=int, required=True, help="cuántas notas escribir")
    p.add_argument("--semilla", type=int, default=0)
    p.add_argument("--salida", type=Path, required=True)
    p.add_argument("--formato", choices=("txt", "jsonl"), default="txt")
    p.add_argument("--sin-catalogos", action="store_true", help="usar solo la lista incorporada (bytes estables)")
    p.add_argument("--procesos", type=int, default=None, help="procesos (por defecto, todos los núcleos)")
    a = p.parse_args(argv)
    voc = catalogo_sintetico.cargar(None if a.sin_catalogos else catalogo_sintetico.CARPETA_CATALOGOS)
    t0 = time.perf_counter()
    destino = escribir(a.notas, a.semilla, a.salida, a.formato, voc, procesos=a.procesos)
    dt = time.perf_counter() - t0
    print(f"{a.notas} notas sintéticas en {destino} ({dt:.1f} s, {a.notas / max(dt, 1e-9):,.0f} notas/s)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
