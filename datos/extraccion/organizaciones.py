"""Organizaciones que participan en la actividad de una nota.

Tres fuentes, en una sola pasada por nota:
1. el catálogo (`catalogos/organizaciones.csv`) buscado con un autómata Aho–Corasick
   sobre el texto plegado (nombres, siglas y alias; gana la coincidencia más larga);
2. listas coordinadas ("los Ministerios de Trabajo, Interior y Educación",
   "las direcciones regionales de Salud y Educación", "Consulados de Colombia y Brasil");
3. patrones de instituciones con nombre propio fuera del catálogo
   ("Nombre Completo (SIGLA)", "Municipalidad Distrital de X", "Universidad de X", ...).

Se deja fuera al propio Ministerio de Relaciones Exteriores (es quien informa) y a
los colectivos genéricos sin nombre ("las municipalidades", "organismos internacionales").
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import NamedTuple

import ahocorasick

from datos.extraccion import catalogos, temas
from datos.extraccion.anclas import coincidencias_desde
from datos.extraccion.modelos import OrganizacionHallada
from datos.extraccion.oraciones import colapsar, limites_oracion
from datos.extraccion.plegado import TextoPlegado, clave, llave, sin_tildes

TIPOS = (
    "internacional",
    "gobierno_nacional",
    "gobierno_regional",
    "gobierno_local",
    "policia_fuerzas_armadas",
    "academia",
    "sociedad_civil",
    "privado",
    "gobierno_extranjero",
)

# El Ministerio que informa y sus unidades: se consumen en el autómata (para que nada
# dentro de ellos cuente) y no producen organización.
_PROPIOS = (
    "Ministerio de Relaciones Exteriores",
    "Ministerio de Relaciones Exteriores del Perú",
    "Cancillería",
    "Cancillería del Perú",
    "Cancillería peruana",
    "Oficina Desconcentrada",
    "Oficinas Desconcentradas",
    "Academia Diplomática",
    "Academia Diplomática del Perú",
    "Consulado General del Perú",
    "Consulado del Perú",
    "Consulados del Perú",
    "Embajada del Perú",
    "Embajadas del Perú",
    "Sección Consular",
    "Palacio de Torre Tagle",
    "Viceministerio de Relaciones Exteriores",
    "Dirección General de Comunidades Peruanas en el Exterior",
    "Dirección General de Comunidades Peruanas en el Exterior y Asuntos Consulares",
)
_MARCAS_PROPIAS = re.compile(r"relaciones exteriores|cancilleria|del peru en|desconcentrada", re.IGNORECASE)

# Alias de una palabra que también son palabras comunes: piden contexto (ver `_es_institucion`).
_AMBIGUOS = {"migraciones"}
_ANTES_NO_INSTITUCION = {"las", "sobre", "en", "internacionales", "nuevas", "de las", "para las", "a las"}
_UNIDADES = {"jefatura", "oficina", "superintendencia", "sede", "intendencia", "puesto", "zonal", "jefe", "jefa",
             "representantes", "representante", "funcionarios", "personal", "director", "directora", "gerente",
             "agencia", "centro", "modulo", "plataforma", "puestos", "oficinas", "area", "equipo"}

_CAP = r"[A-ZÁÉÍÓÚÜÑ][\w'’\-]*"
_CONECTOR = r"(?:de|del|la|las|los|el|para|y|e|en|sobre|con|a)"
_LUGAR = rf"{_CAP}(?: (?:(?:de|del|la|las|los) )*{_CAP})*"
_NOMBRE = rf"{_CAP}(?: (?:(?:de|del|la|las|los|para|en) )*{_CAP})*"


@dataclass(frozen=True)
class _Entrada:
    nombre: str
    sigla: str | None
    tipo: str | None
    en_catalogo: bool = True


@dataclass(frozen=True)
class _Candidato:
    entrada: _Entrada | None  # None: mención del propio Ministerio (bloquea)
    formas: frozenset[str] | None  # formas exactas (sin tildes) si el alias distingue mayúsculas
    ambiguo: bool = False


class _Indice:
    """Catálogo compilado: autómata, búsqueda exacta, sectores ministeriales y prefijos."""

    def __init__(self) -> None:
        self.exacto: dict[str, _Entrada] = {}
        candidatos: dict[str, list[_Candidato]] = {}
        for fila in catalogos.leer_csv("organizaciones"):
            nombre = fila.get("nombre", "").strip()
            if not nombre:
                continue
            tipo = fila.get("tipo", "").strip() or None
            entrada = _Entrada(nombre, fila.get("sigla", "").strip() or None, tipo if tipo in TIPOS else None)
            formas = [nombre, *catalogos.dividir_lista(fila.get("alias"))]
            if entrada.sigla:
                formas.append(entrada.sigla)
            for forma in formas:
                self._agregar(candidatos, forma, entrada)
        for forma in _PROPIOS:
            candidatos.setdefault(llave(forma), []).insert(0, _Candidato(None, None))
            self.exacto.pop(clave(forma), None)
        self.sectores = self._sectores()
        # Comienzos de sector (palabras enteras, sin la última): "trabajo", "trabajo y", "trabajo y promocion", ...
        self.prefijos_de_sectores = frozenset(
            " ".join(k.split(" ")[:n]) for k in self.sectores for n in range(1, len(k.split(" ")))
        )
        self.nombres_ordenados = sorted(k for k in self.exacto if len(k.split()) >= 4)
        self.primeras_palabras = frozenset(k.split(" ", 1)[0] for k in self.nombres_ordenados)
        self.palabras_largos = frozenset(p for k in self.nombres_ordenados for p in k.split(" "))
        self.siglas = {e.sigla: e for e in self.exacto.values() if e.sigla}
        self.departamentos = _departamentos()
        self.paises = _paises()
        self.llaves = _llaves_unicas(candidatos, self.departamentos)
        self._con_temas: tuple[object, object] | None = None  # (taxonomía, autómata de llaves + pistas de temas)

    def automata(self, taxonomia: object):  # noqa: ANN201
        """El autómata único con las pistas de `taxonomia`: temas reusa la pasada que hizo `buscar`."""
        con_temas = self._con_temas
        if con_temas is None or con_temas[0] is not taxonomia:
            llaves = dict(self.llaves)
            for k, pistas in temas.pistas_por_llave(taxonomia).items():
                llaves[k] = llaves.get(k, _Llave())._replace(pistas=pistas)
            con_temas = self._con_temas = (taxonomia, _automata_plano(llaves))
        return con_temas[1]

    def _agregar(self, candidatos: dict[str, list[_Candidato]], forma: str, entrada: _Entrada) -> None:
        k = clave(forma)
        if not k:
            return
        self.exacto.setdefault(k, entrada)
        sensible = " " not in forma.strip() and any(c.isupper() for c in forma)
        lista = candidatos.setdefault(llave(forma), [])
        for i, previo in enumerate(lista):
            if previo.entrada == entrada:
                if sensible and previo.formas is not None:
                    lista[i] = _Candidato(entrada, previo.formas | {sin_tildes(forma.strip())}, previo.ambiguo)
                elif not sensible:
                    lista[i] = _Candidato(entrada, None, previo.ambiguo)
                return
        formas = frozenset({sin_tildes(forma.strip())}) if sensible else None
        lista.append(_Candidato(entrada, formas, k in _AMBIGUOS))

    def _sectores(self) -> dict[str, _Entrada | None]:
        """'trabajo y promocion del empleo' -> MTPE: para listas "los Ministerios de A, B y C"."""
        sectores: dict[str, _Entrada | None] = {}
        for k, entrada in self.exacto.items():
            for cabeza in ("ministerio de ", "ministerio del "):
                if k.startswith(cabeza):
                    resto = k[len(cabeza) :]
                    sectores.setdefault(resto, entrada)
                    for articulo in ("la ", "el ", "los "):
                        if resto.startswith(articulo):
                            sectores.setdefault(resto[len(articulo) :], entrada)
        sectores["relaciones exteriores"] = None
        return sectores


def _departamentos() -> dict[str, str]:
    """Nombre plegado de departamento, capital o lugar conocido -> departamento."""
    lugares: dict[str, str] = {}
    for fila in catalogos.leer_csv("departamentos"):
        dep = fila.get("departamento", "").strip()
        if not dep:
            continue
        for forma in [dep, fila.get("capital", ""), *catalogos.dividir_lista(fila.get("alias"))]:
            if forma and "(" not in forma:
                lugares.setdefault(clave(forma), dep)
    return lugares


def _paises() -> dict[str, str]:
    """Nombre plegado de país extranjero (y sus alias) -> país."""
    paises: dict[str, str] = {}
    for fila in catalogos.leer_csv("paises"):
        pais = fila.get("pais", "").strip()
        if not pais or clave(pais) == "peru":
            continue
        for forma in [pais, *catalogos.dividir_lista(fila.get("alias"))]:
            paises.setdefault(clave(forma), pais)
    return paises


class _Llave(NamedTuple):
    """Lo que significa una llave del autómata único (una llave puede servir a varias búsquedas).

    Tupla: en el recorrido de cada nota se desempaca, más barato que leer atributos.
    """

    candidatos: tuple[_Candidato, ...] | None = None  # catálogo
    departamento: str | None = None  # contexto: región de la nota
    patron: bool = False  # cabeza de `_PATRONES`
    lista: bool = False  # cabeza de `_LISTA`
    pistas: tuple | None = None  # pistas de temas (ver `temas.PistasHalladas`)


def _automata_plano(llaves: dict[str, _Llave]) -> ahocorasick.Automaton:
    """Como `plegado.automata`, con el valor en una sola tupla plana que `_pasada` desempaca de una vez.

    (largo - 2, 1 si la llave es de palabra completa si no 0, *campos de `_Llave`): el inicio en `busqueda` es
    `fin - (largo - 2)` (tras el espacio inicial) y el último carácter de la palabra, `fin - (1 o 0)`.
    """
    a = ahocorasick.Automaton()
    for k, v in llaves.items():
        a.add_word(k, (len(k) - 2, 1 if k.endswith(" ") else 0, *v))
    if len(a):
        a.make_automaton()
    return a


def _llaves_unicas(candidatos: dict[str, list[_Candidato]], departamentos: dict[str, str]) -> dict[str, _Llave]:
    """Catálogo, lugares y cabezas de patrones y de listas en un solo autómata: una pasada por nota."""
    llaves: dict[str, _Llave] = {k: _Llave(candidatos=tuple(v)) for k, v in candidatos.items()}
    for k, dep in departamentos.items():
        k = llave(k)
        llaves[k] = llaves.get(k, _Llave())._replace(departamento=dep)
    for k in _DISPARADORES_PATRONES:
        k = llave(k, prefijo=True)
        llaves[k] = llaves.get(k, _Llave())._replace(patron=True)
    for k in _DISPARADORES_LISTA:
        k = llave(k, prefijo=True)
        llaves[k] = llaves.get(k, _Llave())._replace(lista=True)
    return llaves


@dataclass(slots=True)
class _Pasada:
    """Lo que el autómata único halló en una nota, separado por búsqueda."""

    catalogo: list[tuple[int, int, tuple[_Candidato, ...]]]  # (inicio, fin, candidatos) en orden del autómata
    lugares: dict[str, int]  # departamento -> menciones, en orden de primera mención
    patrones: set[int]  # inicios de cabezas de `_PATRONES`
    listas: set[int]  # inicios de cabezas de `_LISTA`
    temas: list  # (inicio, fin, pistas) de temas, como `temas._coincidencias`


def _pasada(indice: _Indice, tp: TextoPlegado, taxonomia: object) -> _Pasada:
    """Una sola pasada del autómata (también para temas); posiciones en el original solo donde hacen falta."""
    pasada = _Pasada([], {}, set(), set(), [])
    automata_unico = indice.automata(taxonomia)
    if not len(automata_unico):
        return pasada
    lugares = pasada.lugares
    catalogo, halladas_temas, patrones, listas = pasada.catalogo, pasada.temas, pasada.patrones, pasada.listas
    cortes, desplazamientos = tp._cortes, tp._desplazamientos
    for fin_incl, (hasta_inicio, hasta_ultimo, candidatos, departamento, patron, lista, pistas) in (
        automata_unico.iter(tp.busqueda)
    ):
        if departamento is not None:
            lugares[departamento] = lugares.get(departamento, 0) + 1
            if candidatos is None and pistas is None and not patron and not lista:
                continue  # (sin lugar, toda llave es de alguna otra búsqueda)
        # = tp.original(i) en línea (se llama en cada coincidencia); i tras el espacio inicial. Sin acotar a
        # [0, len(original)] como `original`: i es una letra de `busqueda`, que tiene su lugar en el original.
        i = fin_incl - hasta_inicio
        inicio = i + desplazamientos[bisect_right(cortes, i) - 1]
        if candidatos is not None or pistas is not None:
            i = fin_incl - hasta_ultimo  # último carácter de la palabra
            fin = i + desplazamientos[bisect_right(cortes, i) - 1] + 1
            if candidatos is not None:
                catalogo.append((inicio, fin, candidatos))
            if pistas is not None:
                halladas_temas.append((inicio, fin, pistas))
        if patron:
            patrones.add(inicio)
        if lista:
            listas.add(inicio)
    return pasada


@lru_cache(maxsize=4)
def _indice_para(carpeta: str) -> _Indice:
    return _Indice()


def _indice() -> _Indice:
    # La variable de entorno (no la ruta resuelta) basta como llave y es barata de leer.
    return _indice_para(os.environ.get("ARTICULA_CATALOGOS", ""))


def limpiar_cache() -> None:
    """Vuelve a compilar el catálogo en la próxima búsqueda (tras editar el CSV)."""
    _indice_para.cache_clear()


# ----------------------------------------------------------------------------------------
# Estado de una búsqueda


@dataclass(slots=True)
class _Hallada:
    entrada: _Entrada
    posicion: int
    mencion: str
    evidencia: str


class _Resultado:
    """Organizaciones halladas en una nota, sin repetir y en orden de aparición."""

    def __init__(self, texto: str, indice: _Indice) -> None:
        self.texto = texto
        self.indice = indice
        self.por_clave: dict[str, _Hallada] = {}
        self.nucleos: dict[str, str] = {}
        self.oraciones: dict[tuple[int, int], str] = {}  # (izquierda, derecha) -> oración, ver `oracion`

    def oracion(self, inicio: int, fin: int) -> str:
        """= oraciones.oracion_de(self.texto, inicio, fin), armada una vez por oración.

        Las organizaciones de una nota se repiten en pocas oraciones (la mitad de las evidencias es una ya
        armada): los límites se buscan como en `oracion_de` y el recorte y el colapso de espacios, lo caro, se
        hace solo la primera vez.
        """
        tramo = limites_oracion(self.texto, inicio, fin)
        oracion = self.oraciones.get(tramo)
        if oracion is None:
            oracion = self.oraciones[tramo] = colapsar(self.texto[tramo[0]:tramo[1]].strip())
        return oracion

    def agregar(self, entrada: _Entrada, inicio: int, fin: int) -> None:
        if not entrada.en_catalogo:  # el catálogo manda: un nombre armado por patrón puede ser un alias curado
            entrada = self.indice.exacto.get(clave(entrada.nombre), entrada)
        k = clave(entrada.nombre)
        if not entrada.en_catalogo:
            if entrada.tipo != "gobierno_extranjero" and _MARCAS_PROPIAS.search(k):
                return
            nucleo = _nucleo(k)
            k = self.nucleos.setdefault(nucleo, k)
        previa = self.por_clave.get(k)
        if previa is not None:
            if inicio < previa.posicion:
                previa.posicion = inicio
            if not entrada.en_catalogo and len(entrada.nombre) > len(previa.entrada.nombre):
                previa.entrada = entrada  # el nombre más completo ("IE Shajao" -> "Institución Educativa ...")
            return
        mencion = " ".join(self.texto[inicio:fin].split())
        self.por_clave[k] = _Hallada(entrada, inicio, mencion, self.oracion(inicio, fin))

    def contiene(self, nombre: str) -> bool:
        return clave(nombre) in self.por_clave

    def filas(self) -> list[dict]:
        """Las halladas en orden de aparición, como las guarda el evento (ver `buscar_con_temas`)."""
        return [
            {"nombre": h.entrada.nombre, "sigla": h.entrada.sigla, "tipo": h.entrada.tipo,
             "en_catalogo": h.entrada.en_catalogo, "mencion": h.mencion, "evidencia": h.evidencia}
            for h in sorted(self.por_clave.values(), key=_POSICION)
        ]


_POSICION = attrgetter("posicion")


_CALIFICADORES = {"regional", "provincial", "distrital", "municipal", "general", "de", "del", "la", "el", "los", "las",
                  "intercultural", "bilingue", "publica", "privada", "inicial", "primaria", "secundaria"}


def _nucleo(k: str) -> str:
    """'biblioteca regional mario vargas llosa' y 'biblioteca mario vargas llosa' son la misma."""
    return " ".join(p for p in k.replace('"', " ").split() if p not in _CALIFICADORES)


# ----------------------------------------------------------------------------------------
# 1. Catálogo con Aho–Corasick


def _palabra_previa(plegado: str, inicio: int, n: int = 1) -> str:
    return " ".join(plegado[max(0, inicio - 60) : inicio].split()[-n:])


def _es_institucion(original: str, plegado: str, inicio: int) -> bool:
    """'Migraciones' (la institución) frente a 'las migraciones' o '... sobre Migraciones' (un nombre)."""
    previa = _palabra_previa(plegado, inicio)
    if previa in _ANTES_NO_INSTITUCION or _palabra_previa(plegado, inicio, 2) in _ANTES_NO_INSTITUCION:
        return False
    if previa in {"de", "del", "para"}:
        antes = original[max(0, inicio - 60) : inicio].split()
        if len(antes) >= 2 and antes[-2][:1].isupper() and clave(antes[-2]) not in _UNIDADES:
            return False  # "Gestión de Migraciones": parte de otro nombre propio
    return True


_LARGO_E_INICIO = itemgetter(0, 1)


def _catalogo(indice: _Indice, tp: TextoPlegado, pasada: _Pasada, res: _Resultado) -> list[tuple[int, int]]:
    """Busca el catálogo; devuelve los tramos consumidos (también los del propio Ministerio)."""
    original = tp.original_texto
    aceptadas: list[tuple[int, int, int, _Entrada | None]] = []  # (-largo, inicio, fin, entrada)
    for oi, of, candidatos in pasada.catalogo:
        cand = candidatos[0]
        if cand.formas is None and not cand.ambiguo:  # lo habitual: el primero se acepta sin más
            aceptadas.append((oi - of, oi, of, cand.entrada))
            continue
        forma = None  # sin_tildes de la mención, solo si algún candidato distingue formas (pocos)
        for cand in candidatos:
            if cand.formas is not None:
                if forma is None:
                    forma = sin_tildes(original[oi:of])
                if forma not in cand.formas:
                    continue
            if cand.ambiguo and not _es_institucion(original, tp.pleno, oi):
                continue
            aceptadas.append((oi - of, oi, of, cand.entrada))
            break
    # La más larga primero (y a igual largo, la primera); cada tramo del autómata es distinto: no hay empates.
    aceptadas.sort(key=_LARGO_E_INICIO)
    elegidas: list[tuple[int, int, _Entrada | None]] = []
    for _, oi, of, entrada in aceptadas:
        for a, b, _ in elegidas:
            if of > a and oi < b:
                break  # se solapa con una ya elegida
        else:
            elegidas.append((oi, of, entrada))
    for oi, of, entrada in elegidas:
        if entrada is None:
            continue
        extranjera = _extranjera(indice, original, oi, of, entrada)
        if extranjera is not None:
            entrada, of = extranjera
        res.agregar(entrada, oi, of)
    return [(a, b) for a, b, _ in elegidas]


_DE_PAIS = re.compile(rf" (?:de|del) (?:la República (?:de |del )?|el |la |los )?({_LUGAR})")
_NACIONALES = {"gobierno_nacional", "policia_fuerzas_armadas"}


def _extranjera(indice: _Indice, texto: str, inicio: int, fin: int,
                entrada: _Entrada) -> tuple[_Entrada, int] | None:
    """'Ministerio de Salud de Japón' no es el Minsa: es una entidad de otro país."""
    if entrada.tipo not in _NACIONALES:
        return None
    m = _DE_PAIS.match(texto, fin)
    if not m:
        return None
    palabras = m.group(1).split()
    for n in range(len(palabras), 0, -1):
        pais = indice.paises.get(clave(" ".join(palabras[:n])))
        if pais:
            base = " ".join(texto[inicio:fin].split())
            return _Entrada(f"{base} de {pais}", None, "gobierno_extranjero", False), m.start(1) + len(
                " ".join(palabras[:n]))
    return None


def _cortada(indice: _Indice, tp: TextoPlegado, res: _Resultado) -> tuple[int, int] | None:
    """Nota cortada a media palabra: el final es el comienzo (largo y único) de un nombre del catálogo.

    Se prueba desde cada comienzo de palabra de la cola (del más largo al más corto); la cola se
    parte en palabras una vez y solo se arma el resto cuando su primera palabra abre algún nombre
    largo del catálogo.
    """
    texto = tp.pleno.rstrip()
    if not texto or texto[-1] in '.!?")»':
        return None
    cola_inicio = max(0, len(texto) - 160)
    cola = texto[cola_inicio:]
    palabras = cola.split()
    # Todo resto probado contiene la penúltima palabra entera (entre espacios): si ningún nombre largo la tiene,
    # ninguno empieza por el resto (lo habitual: el bucle de abajo se salta).
    if len(palabras) < 4 or palabras[-2] not in indice.palabras_largos:
        return None
    restante = len(" ".join(palabras))  # largo de " ".join(palabras[k:]) al llegar a la palabra k
    for k, palabra in enumerate(palabras):
        # comienzos de palabra (\w tras algo que no lo es) dentro de la palabra
        comienzos = (0,) if palabra.isalnum() else [m.start() for m in _COMIENZO_PALABRA.finditer(palabra)]
        for j in comienzos:
            if restante - j < 25 or len(palabras) - k < 4:
                return None
            primera = palabra[j:]
            if primera not in indice.primeras_palabras:
                continue  # ningún nombre largo empieza con esta palabra
            resto = " ".join([primera, *palabras[k + 1 :]])
            i = bisect_left(indice.nombres_ordenados, resto)
            halladas: set[_Entrada] = set()
            while i < len(indice.nombres_ordenados) and indice.nombres_ordenados[i].startswith(resto):
                halladas.add(indice.exacto[indice.nombres_ordenados[i]])
                i += 1
            if len(halladas) == 1:
                inicio = cola_inicio + _posicion(cola, palabras, k) + j
                fin = len(tp.original_texto.rstrip())
                res.agregar(halladas.pop(), inicio, fin)
                return inicio, fin
        restante -= len(palabra) + 1
    return None


def _posicion(texto: str, palabras: list[str], k: int) -> int:
    """Dónde empieza `palabras[k]` en `texto` (`palabras` = `texto.split()`)."""
    pos = 0
    for palabra in palabras[:k]:
        pos = texto.find(palabra, pos) + len(palabra)
    return texto.find(palabras[k], pos)


_COMIENZO_PALABRA = re.compile(r"(?<![\w])\w")


# ----------------------------------------------------------------------------------------
# Contexto de la nota: región y misión en el exterior


_CABEZAS_MISION = (
    "Consulado General", "Consulado", "Cónsul General", "Cónsul", "Embajada", "Embajador", "Embajadora",
    "Cónsul Honorario",
)
_DEL_PERU_EN = " del Perú en "
_MISION = re.compile(rf"\b({'|'.join(_CABEZAS_MISION)}) del Perú en ({_LUGAR})")


def _misiones_en(texto: str) -> Iterator[re.Match[str]]:
    """= _MISION.finditer(texto), probando la regex solo donde una cabeza termina justo en « del Perú en ».

    Toda coincidencia es una cabeza seguida del literal: `re` no recorre el texto entero probando la alternancia.
    Perezosa: `_contexto` se detiene en el primer consulado.
    """
    inicios: set[int] = set()
    literal = texto.find(_DEL_PERU_EN)
    while literal >= 0:
        inicios.update(literal - len(c) for c in _CABEZAS_MISION if texto.endswith(c, 0, literal))
        literal = texto.find(_DEL_PERU_EN, literal + 1)
    siguiente = 0
    for inicio in sorted(inicios):
        if inicio < siguiente:
            continue
        m = _MISION.match(texto, inicio)
        if m:
            siguiente = m.end()
            yield m


@dataclass(slots=True)
class _Contexto:
    region: str | None
    ciudad_mision: str | None  # ciudad del consulado que informa, si la nota viene de uno
    en_exterior: bool


def _contexto(texto: str, pasada: _Pasada) -> _Contexto:
    conteo = pasada.lugares
    region = max(conteo, key=lambda d: (conteo[d], d != "Lima")) if conteo else None
    ciudad = None
    exterior = False
    for m in _misiones_en(texto):
        exterior = True
        if m.group(1).startswith(("Consulado", "Cónsul")):
            ciudad = m.group(2)
            break
    return _Contexto(region, ciudad, exterior)


def _disparadas(inicios: set[int], patron: re.Pattern[str], texto: str):
    """Coincidencias de `patron` que empiezan donde el autómata halla una cabeza, sin solaparse.

    Probar una alternancia grande de expresiones en cada posición del texto es lento;
    el autómata encuentra en una pasada los pocos lugares donde vale la pena intentarlo.
    """
    fin_previo = -1
    for inicio in sorted(inicios):
        if inicio < fin_previo:
            continue
        m = patron.match(texto, inicio)
        if m:
            fin_previo = m.end()
            yield m


def _es_lugar_peruano(indice: _Indice, lugar: str) -> bool:
    return clave(lugar) in indice.departamentos


# ----------------------------------------------------------------------------------------
# 2. Listas coordinadas


_LISTA = re.compile(
    r"(?P<cabeza>[Mm]inisterios|[Dd]irecciones [Rr]egionales|[Gg]erencias [Rr]egionales|[Gg]obiernos [Rr]egionales"
    r"|[Mm]unicipalidades (?:[Pp]rovinciales|[Dd]istritales)|[Uu]niversidades|[Cc]onsulados(?: [Gg]enerales)?"
    r"|[Ee]mbajadas|[Cc]ámaras de [Cc]omercio|[Pp]refecturas [Rr]egionales)"
    r" (?P<de>de la |del |de )?"
)
_SEPARADOR = re.compile(r"\s*(?:\([^)]{0,120}\)\s*)?(?:,\s*(?:y |e )?|\s(?:y|e)\s)(?:de la |del |de )?")
_ITEM_NOMBRE = re.compile(_LUGAR)
_SINGULAR = {
    "direcciones regionales": "Dirección Regional",
    "gerencias regionales": "Gerencia Regional",
    "gobiernos regionales": "Gobierno Regional",
    "municipalidades provinciales": "Municipalidad Provincial",
    "municipalidades distritales": "Municipalidad Distrital",
    "universidades": "Universidad",
    "consulados": "Consulado",
    "consulados generales": "Consulado General",
    "embajadas": "Embajada",
    "camaras de comercio": "Cámara de Comercio",
    "prefecturas regionales": "Prefectura Regional",
}
_CON_SECTOR = {"ministerios", "direcciones regionales", "gerencias regionales"}


def _items(indice: _Indice, texto: str, plegado: str, pos: int, con_sector: bool):
    """(inicio, fin, sector|None) de cada elemento de la lista que empieza en `pos`."""
    while pos < len(texto):
        mejor = None
        if con_sector:
            palabras = plegado[pos : pos + 80].split(" ")
            # El más largo de " ".join(palabras[:n]).rstrip(",;.:)") (n ≤ 7) que es un sector. El de n palabras
            # empieza por las n - 1 primeras tal cual: si ningún sector empieza por ellas, ninguno más largo calza.
            previas = palabras[0]
            candidato = previas.rstrip(",;.:)")
            if candidato in indice.sectores:
                mejor = (pos, pos + len(candidato), candidato)
            for palabra in palabras[1:7]:
                if previas not in indice.prefijos_de_sectores:
                    break
                previas = f"{previas} {palabra}"
                candidato = previas.rstrip(",;.:)")
                if candidato in indice.sectores:
                    mejor = (pos, pos + len(candidato), candidato)
        if mejor is None:
            m = _ITEM_NOMBRE.match(texto, pos)
            if not m:
                return
            mejor = (m.start(), m.end(), None)
        yield mejor
        sep = _SEPARADOR.match(texto, mejor[1])
        if not sep:
            return
        pos = sep.end()


def _listas(indice: _Indice, texto: str, tp: TextoPlegado, pasada: _Pasada, ctx: _Contexto,
            res: _Resultado) -> None:
    plegado = tp.pleno  # misma longitud que `texto` (sin colapsar espacios)
    for m in _disparadas(pasada.listas, _LISTA, texto):
        cabeza = clave(m.group("cabeza"))
        de = m.group("de") or ""
        for n, (a, b, sector) in enumerate(_items(indice, texto, plegado, m.end(), cabeza in _CON_SECTOR)):
            item = " ".join(texto[a:b].split())
            if cabeza == "ministerios":
                entrada = indice.sectores.get(sector) if sector else indice.exacto.get(clave(f"Ministerio de {item}"))
                if entrada is not None:
                    res.agregar(entrada, a, b)
                continue
            singular = _SINGULAR[cabeza]
            if cabeza in ("direcciones regionales", "gerencias regionales"):
                nombre = f"{singular} de {item}" + (f" de {ctx.region}" if ctx.region else "")
                res.agregar(_Entrada(nombre, None, "gobierno_regional", False), a, b)
            elif cabeza in ("consulados", "consulados generales", "embajadas"):
                pais = _pais(indice, item)
                if pais is None:
                    continue
                nombre = f"{singular} de {pais}"
                if singular.startswith("Consulado") and ctx.ciudad_mision:
                    nombre += f" en {ctx.ciudad_mision}"
                res.agregar(_Entrada(nombre, None, "gobierno_extranjero", False), a, b)
            elif cabeza == "universidades":
                opciones = [f"Universidad {de if n == 0 else ''}{item}", f"Universidad {item}",
                            f"Universidad de {item}", f"Universidad Nacional de {item}"]
                _agregar_nombrada(indice, res, opciones, "academia", a, b)
            else:
                opciones = [f"{singular} de {item}", f"{singular} del {item}"]
                tipo = {"Gobierno Regional": "gobierno_regional", "Cámara de Comercio": "privado",
                        "Prefectura Regional": "gobierno_nacional"}.get(singular, "gobierno_local")
                _agregar_nombrada(indice, res, opciones, tipo, a, b)


def _agregar_nombrada(indice: _Indice, res: _Resultado, opciones: list[str], tipo: str | None, a: int,
                      b: int) -> None:
    """La primera opción que está en el catálogo; si ninguna, la primera como institución nueva."""
    for opcion in opciones:
        entrada = indice.exacto.get(clave(opcion))
        if entrada is not None:
            res.agregar(entrada, a, b)
            return
    res.agregar(_Entrada(" ".join(opciones[0].split()), None, tipo, False), a, b)


# ----------------------------------------------------------------------------------------
# 3. Instituciones con nombre propio fuera del catálogo


_SIGLA = re.compile(r" ?\((?P<sigla>[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑ0-9&\-]{1,14})\)")
_CABEZAS = {
    "fundacion": "sociedad_civil", "asociacion": "sociedad_civil", "federacion": "sociedad_civil",
    "confederacion": "sociedad_civil", "coordinadora": "sociedad_civil", "movimiento": "sociedad_civil",
    "colectivo": "sociedad_civil", "red": None, "iglesia": "sociedad_civil", "alianza": "sociedad_civil",
    "instituto": None, "universidad": "academia", "universidade": "academia", "escuela": "academia",
    "colegio": "academia", "centro": None, "organizacion": "internacional", "organismo": None, "oficina": None,
    "agencia": None, "servicio": "gobierno_nacional", "superintendencia": "gobierno_nacional",
    "ministerio": "gobierno_nacional", "programa": "gobierno_nacional", "fondo": None, "banco": None,
    "corporacion": "privado", "empresa": "privado", "camara": "privado", "sociedad": "privado",
    "municipalidad": "gobierno_local", "gobierno": None, "direccion": None, "gerencia": None,
    "autoridad": "gobierno_nacional", "consejo": None, "comite": None, "museo": None, "biblioteca": None,
    "hospital": None, "seguro": "gobierno_nacional", "registro": "gobierno_nacional",
    "procuraduria": "gobierno_nacional", "defensoria": "gobierno_nacional", "secretaria": None, "union": None,
    "comunidad": None, "parlamento": "internacional", "tribunal": "gobierno_nacional", "corte": None,
    "policia": "policia_fuerzas_armadas", "comando": "policia_fuerzas_armadas", "ejercito": "policia_fuerzas_armadas",
    "unidad": None, "proyecto": None, "instancia": None, "grupo": "privado",
}
_CABEZAS_EXCLUIDAS = {"direccion general", "viceministerio", "secretaria general"}
_CONECTORES = {"de", "del", "la", "las", "los", "el", "para", "y", "e", "en", "sobre", "con", "a"}


def _nombre_antes(texto: str, fin: int) -> tuple[int, str] | None:
    """El nombre propio que termina en `fin` (palabras con mayúscula y conectores), desde su cabeza."""
    palabras = list(re.finditer(r"[“\"«]?[\w'’\-\.]+[”\"»]?", texto[max(0, fin - 200) : fin]))
    base = max(0, fin - 200)
    tramo: list[re.Match[str]] = []
    for m in reversed(palabras):
        limpia = m.group(0).strip("“”\"«»")
        if not limpia:
            break
        if limpia[:1].isupper() or limpia in _CONECTORES:
            if tramo and texto[base + m.end() : base + tramo[-1].start()].strip(" "):
                break  # hay puntuación entre palabras: el nombre empezó después
            tramo.append(m)
        else:
            break
    tramo.reverse()
    while tramo and tramo[0].group(0).strip("“”\"«»") in _CONECTORES:
        tramo.pop(0)
    cabeza = None
    for i, m in enumerate(tramo):
        if clave(m.group(0).strip("“”\"«»")) in _CABEZAS:
            cabeza = i
    if cabeza is None:
        return None
    inicio = base + tramo[cabeza].start()
    nombre = " ".join(texto[inicio:fin].replace("“", "").replace("”", "").replace('"', "").split())
    return inicio, nombre


def _siglas_en(texto: str) -> list[re.Match[str]]:
    """= list(_SIGLA.finditer(texto)), probando la regex solo en cada "(" y en el espacio justo antes.

    `_SIGLA` empieza por " ?" (sin prefijo literal), así que `re` la probaría en cada carácter del texto.
    """
    inicios = []
    parentesis = texto.find("(")
    while parentesis >= 0:
        if parentesis and texto[parentesis - 1] == " ":
            inicios.append(parentesis - 1)
        inicios.append(parentesis)
        parentesis = texto.find("(", parentesis + 1)
    return coincidencias_desde(_SIGLA, texto, inicios)


def _siglas(indice: _Indice, texto: str, res: _Resultado) -> None:
    """'Nombre Completo (SIGLA)': institución nueva si no está en el catálogo."""
    for m in _siglas_en(texto):
        sigla = m.group("sigla")
        if sum(c.isupper() for c in sigla) < 2 or indice.siglas.get(sigla):
            continue
        hallado = _nombre_antes(texto, m.start())
        if hallado is None:
            continue
        inicio, nombre = hallado
        k = clave(nombre)
        if indice.exacto.get(k) or any(k.startswith(c) for c in _CABEZAS_EXCLUIDAS) or _MARCAS_PROPIAS.search(k):
            continue
        iniciales = {clave(p)[:1] for p in nombre.split() if p[:1].isupper()}
        if clave(sigla)[:1] not in iniciales:
            continue
        tipo = _CABEZAS.get(k.split()[0])
        res.agregar(_Entrada(nombre, sigla, tipo, False), inicio, m.end())
        for otra in re.finditer(rf"\b{re.escape(sigla)}\b", texto):
            res.agregar(_Entrada(nombre, sigla, tipo, False), otra.start(), otra.end())


_PATRONES = re.compile(
    "|".join(
        [
            rf"(?P<muni>\bMunicipalidad(?: (?P<muni_q>Provincial|Distrital|Metropolitana|Regional))?"
            rf" de (?P<muni_x>{_LUGAR}))",
            rf"(?P<alc>\b[Aa]lcalde(?:sa)?(?: (?P<alc_q>[Pp]rovincial|[Dd]istrital))? (?:de|del) (?P<alc_x>{_LUGAR}))",
            rf"(?P<univ>\bUniversi(?:dad|dade) (?:(?:de|del|do|da|la) )*{_NOMBRE})",
            rf"(?P<camc>\bCámara de Comercio(?:,? (?:[eyE] )?[A-Z]\w+)*(?: de| del)? (?P<camc_x>{_LUGAR}))",
            rf"(?P<camm>\bCámara Municipal(?: de (?P<camm_x>{_LUGAR}))?)",
            rf"(?P<dir>\b(?P<dir_h>Dirección Regional|Gerencia Regional|Gerencia|Subgerencia Regional)"
            rf" de (?P<dir_x>{_NOMBRE}(?: (?:y|e) {_NOMBRE})?))",
            rf"(?P<pref>\b[Pp]refect(?:o|a|ura) [Rr]egional(?: de (?P<pref_x>{_LUGAR}))?)",
            rf"(?P<gob>\b[Gg]obernador(?:a)?(?: (?P<gob_r>[Rr]egional))?(?: de| del)? (?P<gob_x>{_LUGAR}))",
            rf"(?P<cons>\b(?P<cons_h>Consulado General|Consulado|Cónsul General|Cónsul|Embajada|Embajador|Embajadora)"
            rf" (?:de|del) (?P<cons_x>{_LUGAR})(?: en (?P<cons_en>{_LUGAR}))?)",
            rf"(?P<rree>\b(?:Ministerio de Relaciones Exteriores|Cancillería) (?:de|del) (?P<rree_x>{_LUGAR}))",
            rf"(?P<bib>\b(?:Biblioteca|Museo)(?: (?:Regional|Municipal|Pública|Departamental|Nacional))*"
            rf" (?:(?:de|del|la) )*{_NOMBRE})",
            rf"(?P<ie>\b(?:Institución Educativa|I\.E\.|IE)(?: (?:Intercultural|Bilingüe|bilingüe|Pública|Privada"
            rf"|Inicial|Primaria|Secundaria|N\.?º? ?\d+))* (?P<ie_x>{_NOMBRE}))",
            rf"(?P<cs>\b(?:Centro de Salud|Hospital Regional|Hospital)(?: de)? (?P<cs_x>{_NOMBRE}))",
            rf"(?P<fund>\b(?:Fundación|Asociación|Instituto|Colegio) (?:(?:de|del|la|para) )*{_NOMBRE})",
            rf"(?P<dsig>\b(?P<dsig_s>DIRESA|GERESA|DIRCETUR|DRTPE|GRTPE|DRE)(?:[ -](?P<dsig_x>{_LUGAR}))?\b)",
        ]
    )
)
# Cabezas donde vale la pena probar `_PATRONES` y `_LISTA` (entran al autómata único como raíces).
_DISPARADORES_PATRONES = (
    "Municipalidad", "alcalde", "alcaldesa", "Universidad", "Universidade", "Cámara de Comercio", "Cámara Municipal",
    "Dirección Regional", "Gerencia", "Subgerencia", "prefecto", "prefecta", "prefectura", "gobernador",
    "gobernadora", "Consulado", "Cónsul", "Embajada", "Embajador", "Embajadora", "Ministerio de Relaciones Exteriores",
    "Cancillería", "Biblioteca", "Museo", "Institución Educativa", "I.E.", "IE", "Centro de Salud", "Hospital",
    "Fundación", "Asociación", "Instituto", "Colegio", "DIRESA", "GERESA", "DIRCETUR", "DRTPE", "GRTPE", "DRE")
_DISPARADORES_LISTA = (
    "ministerios", "direcciones regionales", "gerencias regionales", "gobiernos regionales", "municipalidades",
    "universidades", "consulados", "embajadas", "cámaras de comercio", "prefecturas regionales")
_SOLO_DENTRO = {"alc", "gob", "pref"}
_SIN_CONSUMO = {"cons", "rree", "dsig"}  # pueden empezar dentro de un nombre del Ministerio o del catálogo
# Frases de ubicación que siguen a un nombre sin ser parte de él.
_UBICACION = re.compile(
    r" (?:de|del|en) (?:la |el )?(?:[Cc]omunidad [Nn]ativa|[Cc]omunidad [Cc]ampesina|[Cc]entro [Pp]oblado|[Dd]istrito"
    r"|[Pp]rovincia|[Rr]egión|[Dd]epartamento|[Cc]iudad|[Ee]stado)\b.*$"
)


# Bucles y no any(genexpr): un generador que any() deja a medias se cierra con GeneratorExit (~5 000
# instrucciones, más que todo el recorrido).
def _dentro_de_alguno(a: int, b: int, tramos: list[tuple[int, int]]) -> bool:
    for x, y in tramos:
        if a >= x and b <= y:
            return True
    return False


def _se_solapa(a: int, b: int, tramos: list[tuple[int, int]]) -> bool:
    for x, y in tramos:
        if a < y and b > x:
            return True
    return False


def _patrones(indice: _Indice, texto: str, pasada: _Pasada, ctx: _Contexto, res: _Resultado,
              consumidos: list[tuple[int, int]]) -> None:
    municipios: dict[str, _Entrada] = {}
    final = len(texto.rstrip())
    cortada = final and texto[final - 1] not in '.!?")»”'
    for m in _disparadas(pasada.patrones, _PATRONES, texto):
        a, b = m.start(), m.end()
        if cortada and b >= final:
            continue  # nota cortada: el nombre del final puede estar incompleto
        tipo_patron = _grupo(m)
        if tipo_patron in _SIN_CONSUMO:
            pass
        elif tipo_patron in _SOLO_DENTRO:
            if _dentro_de_alguno(a, b, consumidos):
                continue  # ya lo dio el catálogo
        elif _se_solapa(a, b, consumidos):
            continue  # se solapa con un nombre del catálogo: ese gana
        entrada = _construir(indice, m, tipo_patron, texto, ctx, municipios, res)
        if entrada is None:
            continue
        if entrada.tipo == "gobierno_local" and entrada.nombre.startswith("Municipalidad"):
            municipios[clave(entrada.nombre.split(" de ", 1)[-1])] = entrada
        res.agregar(entrada, a, b)


_GRUPOS_PATRONES = ("muni", "alc", "univ", "camc", "camm", "dir", "pref", "gob", "cons", "rree", "bib", "ie", "cs",
                    "fund", "dsig")


def _grupo(m: re.Match[str]) -> str:
    # Las alternativas de _PATRONES son excluyentes y su grupo externo es el último en cerrarse: `lastgroup` es la
    # que coincidió (sin pedir hasta quince grupos). Se comprueba como antes por si acaso.
    nombre = m.lastgroup
    if nombre in _GRUPOS_PATRONES and m.group(nombre):
        return nombre
    for nombre in _GRUPOS_PATRONES:
        if m.group(nombre):
            return nombre
    return ""


def _en_catalogo(indice: _Indice, *opciones: str) -> _Entrada | None:
    for opcion in opciones:
        entrada = indice.exacto.get(clave(opcion))
        if entrada is not None:
            return entrada
    return None


def _recortar(nombre: str) -> str:
    """Quita conectores sueltos al final ('Universidad de Minho y' -> 'Universidad de Minho')."""
    palabras = _UBICACION.sub("", nombre).split()
    while palabras and palabras[-1].lower() in _CONECTORES:
        palabras.pop()
    return " ".join(palabras)


def _construir(indice: _Indice, m: re.Match[str], g: str, texto: str, ctx: _Contexto,
               municipios: dict[str, _Entrada], res: _Resultado) -> _Entrada | None:
    if g == "muni":
        q = m.group("muni_q")
        nombre = f"Municipalidad {q + ' ' if q else ''}de {m.group('muni_x')}"
        return _en_catalogo(indice, nombre) or _Entrada(nombre, None, "gobierno_local", False)
    if g == "alc":
        lugar = m.group("alc_x")
        q = m.group("alc_q")
        if q:
            nombre = f"Municipalidad {q.capitalize()} de {lugar}"
            return _en_catalogo(indice, nombre) or _Entrada(nombre, None, "gobierno_local", False)
        if clave(lugar) in municipios:
            return municipios[clave(lugar)]
        catalogada = _en_catalogo(indice, f"Municipalidad Provincial de {lugar}", f"Municipalidad de {lugar}")
        if catalogada is not None:
            return catalogada
        if ctx.en_exterior and not _es_lugar_peruano(indice, lugar) and not municipios:
            return _Entrada(f"Alcaldía de {lugar}", None, "gobierno_extranjero", False)
        return None
    if g == "univ":
        nombre = _recortar(m.group("univ"))
        if len(nombre.split()) < 2:
            return None
        return _en_catalogo(indice, nombre) or _Entrada(nombre, None, "academia", False)
    if g == "camc":
        nombre = _recortar(m.group("camc"))
        return _en_catalogo(indice, nombre, f"Cámara de Comercio de {m.group('camc_x')}") or _Entrada(
            nombre, None, "privado", False)
    if g == "camm":
        lugar = m.group("camm_x") or _ciudad_cercana(texto, m.start())
        if not lugar:
            return None
        return _Entrada(f"Cámara Municipal de {lugar}", None, "gobierno_extranjero", False)
    if g == "dir":
        cabeza = m.group("dir_h")
        sector = _recortar(m.group("dir_x"))
        if clave(sector) in indice.departamentos:
            return None
        nombre = f"{cabeza} de {sector}"
        if cabeza.startswith("Dirección") and ctx.region and not _nombra_lugar(indice, sector):
            nombre += f" de {ctx.region}"
        oracion = clave(res.oracion(m.start(), m.end()))
        tipo = "gobierno_regional" if "regional" in clave(cabeza) or "region" in oracion else "gobierno_local"
        return _Entrada(nombre, None, tipo, False)
    if g == "pref":
        lugar = m.group("pref_x") or ctx.region
        if not lugar:
            return None
        return _en_catalogo(indice, f"Prefectura Regional de {lugar}", f"Prefectura Regional del {lugar}") or _Entrada(
            f"Prefectura Regional de {lugar}", None, "gobierno_nacional", False)
    if g == "gob":
        lugar = m.group("gob_x")
        if _es_lugar_peruano(indice, lugar) or m.group("gob_r"):
            dep = indice.departamentos.get(clave(lugar), lugar)
            return _en_catalogo(indice, f"Gobierno Regional de {dep}", f"Gobierno Regional del {dep}")
        if clave(lugar) in ("peru", "el peru"):
            return None
        estado = re.search(rf"\b[Ee]stado de {re.escape(lugar)}\b", texto)
        nombre = f"Gobierno del Estado de {lugar}" if estado else f"Gobierno de {lugar}"
        return _Entrada(nombre, None, "gobierno_extranjero", False)
    if g == "cons":
        pais = _pais(indice, m.group("cons_x"))
        if pais is None:
            return None
        cabeza = m.group("cons_h")
        base = "Embajada" if cabeza.startswith("Embajad") else (
            "Consulado General" if "General" in cabeza else "Consulado")
        ciudad = m.group("cons_en") or (ctx.ciudad_mision if base.startswith("Consulado") else None)
        nombre = f"{base} de {pais}" + (f" en {ciudad}" if ciudad else "")
        return _Entrada(nombre, None, "gobierno_extranjero", False)
    if g == "rree":
        pais = _pais(indice, m.group("rree_x"))
        if pais is None:
            return None
        return _Entrada(f"Ministerio de Relaciones Exteriores de {pais}", None, "gobierno_extranjero", False)
    if g in ("bib", "fund"):
        nombre = _recortar(m.group(g))
        cola = nombre.split()[-1]
        if cola in indice.siglas or any(e.sigla == cola for e in _entradas(res)) or len(nombre.split()) < 2:
            return None  # "Biblioteca del MAMLAT": una sede de otra institución ya contada
        catalogada = _en_catalogo(indice, nombre)
        if catalogada:
            return catalogada
        primera = clave(nombre.split()[0])
        tipo = {"biblioteca": _tipo_por_calificador(nombre), "museo": _tipo_por_calificador(nombre),
                "fundacion": "sociedad_civil", "asociacion": "sociedad_civil", "colegio": "academia"}.get(primera)
        return _Entrada(nombre, None, tipo, False)
    if g == "ie":
        nombre = _recortar(m.group("ie"))
        nombre = re.sub(r"^(?:I\.E\.|IE)\b", "Institución Educativa", nombre)
        return _Entrada(nombre, None, "academia", False)
    if g == "dsig":
        sigla = m.group("dsig_s")
        lugar = m.group("dsig_x")
        lugar = indice.departamentos.get(clave(lugar)) if lugar else None
        lugar = lugar or ctx.region
        sector = _SECTORES_SIGLA[sigla]
        nombre = f"Dirección Regional de {sector}" + (f" de {lugar}" if lugar else "")
        return _Entrada(nombre, f"{sigla} {lugar}" if lugar else sigla, "gobierno_regional", False)
    if g == "cs":
        nombre = _recortar(m.group("cs"))
        return _Entrada(nombre, None, "gobierno_regional", False)
    return None


_SECTORES_SIGLA = {"DIRESA": "Salud", "GERESA": "Salud", "DIRCETUR": "Comercio Exterior y Turismo",
                   "DRTPE": "Trabajo y Promoción del Empleo", "GRTPE": "Trabajo y Promoción del Empleo",
                   "DRE": "Educación"}


def _pais(indice: _Indice, nombre: str) -> str | None:
    """El país extranjero que nombra `nombre` (o su comienzo: 'Chile en Santiago'); None si no es uno."""
    palabras = nombre.split()
    for n in range(len(palabras), 0, -1):
        pais = indice.paises.get(clave(" ".join(palabras[:n])))
        if pais:
            return pais
    return None


def _entradas(res: _Resultado) -> list[_Entrada]:
    return [h.entrada for h in res.por_clave.values()]


def _tipo_por_calificador(nombre: str) -> str | None:
    k = clave(nombre)
    if " regional" in k or " departamental" in k:
        return "gobierno_regional"
    if " municipal" in k:
        return "gobierno_local"
    if " nacional" in k:
        return "gobierno_nacional"
    return None


def _nombra_lugar(indice: _Indice, nombre: str) -> bool:
    return any(clave(p) in indice.departamentos for p in nombre.split(" de ")[1:])


_CIUDAD = re.compile(rf"\b(?:ciudad|municipio|localidad) de ({_LUGAR})")


def _ciudad_cercana(texto: str, pos: int) -> str | None:
    """La ciudad nombrada más cerca antes de `pos` ("en la ciudad de Braga con ... la Cámara Municipal")."""
    ultima = None
    for m in _CIUDAD.finditer(texto, max(0, pos - 400), pos):
        ultima = m.group(1)
    return ultima


# ----------------------------------------------------------------------------------------


def buscar(cuerpo: str, titulo: str | None = None) -> list[OrganizacionHallada]:
    """Organizaciones de la nota (sin el propio Ministerio), con mención y oración de evidencia."""
    return [OrganizacionHallada(**fila) for fila in buscar_con_temas(cuerpo, titulo)[0]]


def buscar_con_temas(cuerpo: str, titulo: str | None = None) -> tuple[list[dict], temas.PistasHalladas | None]:
    """Como `buscar`, y además las pistas de temas que halló la misma pasada (para `temas.clasificar`).

    Cada organización es ya el dict del evento (campos de `OrganizacionHallada`): el extractor lo guarda tal
    cual, sin armar antes un dataclass congelado por organización (lento) para copiarlo a un dict.
    """
    cuerpo = cuerpo or ""
    texto = cuerpo
    if titulo and titulo.strip() and titulo.strip() not in cuerpo:
        texto = f"{titulo.strip()}\n{cuerpo}"
    if not texto.strip():
        return [], None
    carpeta = os.environ.get("ARTICULA_CATALOGOS", "")  # una sola lectura del entorno (lenta) para los dos
    indice = _indice_para(carpeta)
    taxonomia = temas.taxonomia(carpeta)
    tp = TextoPlegado.armar(texto)  # temas usa las pistas de esta pasada: nadie más prepara este texto
    res = _Resultado(texto, indice)
    pasada = _pasada(indice, tp, taxonomia)
    consumidos = _catalogo(indice, tp, pasada, res)
    cortada = _cortada(indice, tp, res)
    if cortada:
        consumidos.append(cortada)
    ctx = _contexto(texto, pasada)
    _listas(indice, texto, tp, pasada, ctx, res)
    _siglas(indice, texto, res)
    _patrones(indice, texto, pasada, ctx, res, consumidos)
    return res.filas(), temas.PistasHalladas(texto, taxonomia, pasada.temas)


def es_organizacion(nombre: str) -> bool:
    """¿`nombre` (o su comienzo, de dos palabras o más) es una organización del catálogo o el propio Ministerio?"""
    indice = _indice()
    palabras = clave(nombre).split()
    for n in range(len(palabras), 1, -1):
        k = " ".join(palabras[:n])
        if k in indice.exacto or k in _PROPIOS_CLAVES:
            return True
    return False


_PROPIOS_CLAVES = frozenset(clave(p) for p in _PROPIOS)
