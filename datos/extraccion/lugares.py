"""Oficina que reporta, tipo de oficina, país y región de la actividad.

Los lugares salen de los catálogos (`oficinas.csv`, `departamentos.csv`,
`paises.csv`), no del código: un analista agrega un consulado o una ciudad sin
tocar Python. Orden de decisión de la oficina: el título, luego el primer
párrafo, luego una única oficina nombrada en el cuerpo; si no, la Sede central.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import ahocorasick

from datos.extraccion import catalogos
from datos.extraccion.anclas import (
    automata_de_grupos,
    coincidencias_desde,
    inicio_palabra_previa,
    inicios_por_grupo,
)
from datos.extraccion.catalogos import dividir_lista, normalizar
from datos.extraccion.modelos import Ubicacion
from datos.extraccion.oraciones import dividir, oracion_de

if TYPE_CHECKING:  # pasada importa este módulo
    from datos.extraccion.pasada import Pasada

SEDE_CENTRAL = "Sede central"
PERU = "Perú"
_MAYUS = "A-ZÁÉÍÓÚÑÜ"
_PALABRA_LUGAR = rf"[{_MAYUS}][^\s,.;:()“”\"«»]*"
_LUGAR = rf"{_PALABRA_LUGAR}(?:\s+(?:del?\s+|la\s+|las\s+|los\s+)?{_PALABRA_LUGAR})*"

# Cargo o unidad de una misión → forma canónica y clase de fila preferida en el catálogo.
_TIPOS_MISION = {
    "consulado general": ("Consulado General", "Consulado"),
    "consulado": ("Consulado", "Consulado"),
    "consul general": ("Consulado General", "Consulado"),
    "consul adscrito": ("Consulado", "Consulado"),
    "consul honorario": ("Consulado Honorario", "Consulado"),
    "consul": ("Consulado", "Consulado"),
    "vicecónsul": ("Consulado", "Consulado"),
    "viceconsul": ("Consulado", "Consulado"),
    "seccion consular": ("Sección Consular", "Consulado"),
    "embajada": ("Embajada", "Embajada"),
    "embajador": ("Embajada", "Embajada"),
    "embajadora": ("Embajada", "Embajada"),
    "encargado de negocios": ("Embajada", "Embajada"),
    "encargada de negocios": ("Embajada", "Embajada"),
    "mision permanente": ("Misión Permanente", "Misión"),
    "representacion permanente": ("Representación Permanente", "Representación"),
    "representante permanente": ("Misión Permanente", "Misión"),
}
_MISION = re.compile(
    # La anticipación (condición necesaria: nu|co|có|vi|se|em|en|mi|re) descarta en C casi todas las posiciones
    # antes de probar la alternancia entera: el mismo resultado, 2× más rápido.
    r"(?=[ncvsemr][uoóiemn])"
    r"(?P<nuestra>\bnuestr[oa]s?\s+)?\b(?P<tipo>Consulado\s+General|Consulado|C[óo]nsul\s+General|C[óo]nsul\s+Adscrito|"
    r"C[óo]nsul\s+Honorario|C[óo]nsul|Vic[eé]c[óo]nsul|Secci[óo]n\s+Consular|Embajada|Embajadora|Embajador|"
    r"Encargad[oa]\s+de\s+Negocios|Misi[óo]n\s+Permanente|Representaci[óo]n\s+Permanente|Representante\s+Permanente)"
    r"(?!\w)(?P<peru>\s+(?:de\s+la\s+Embajada\s+)?(?:del|de)\s+(?:la\s+República\s+del\s+)?Per[úu]|\s+peruan[oa])?"
    rf"(?:\s+(?:a\.\s?i\.\s+)?(?P<prep>en|ante)\s+(?P<articulo>el\s+|la\s+|los\s+|las\s+)?(?P<lugar>{_LUGAR}))?",
    re.IGNORECASE,
)
# = \b(?:ciudad(?:es)?|localidad(?:es)?|comunidad(?:es)?|distrito|provincia|poblado)\s+peruan[oa]s?\b
#   |\bterritorio\s+(?:nacional|peruano)\b|\blado\s+peruano\b  (con re.IGNORECASE)
# Empieza por una clase de letras y no por \b: `re` salta en C las posiciones imposibles (ver fechas.py).
_CUE_PERU = re.compile(
    r"[cClLdDpPtT](?<!\w.)(?i:(?:(?<=c)iudad(?:es)?|(?<=l)ocalidad(?:es)?|(?<=c)omunidad(?:es)?|(?<=d)istrito"
    r"|(?<=p)rovincia|(?<=p)oblado)\s+peruan[oa]s?\b|(?<=t)erritorio\s+(?:nacional|peruano)\b|(?<=l)ado\s+peruano\b)"
)
# Letras que IGNORECASE iguala a i/s/k y lower() no (İ ı ſ K): con ellas no vale buscar raíces en minúsculas.
_LETRAS_RARAS = ("\u0130", "\u0131", "\u017f", "\u212a")


# Misiones (grupo 0) y oficinas desconcentradas (grupo 1: toda coincidencia de `patron_ode` empieza, en minúsculas,
# por «canciller», «oficina» u «ode») en una sola pasada del autómata por texto. `pasada` las suma a su autómata.
RAICES_OFICINA = (
    ("nuestr", "consul", "cónsul", "vicec", "vicéc", "secci", "embaj", "encarg", "misi", "repres"),
    ("canciller", "oficina", "ode"),
)
_INICIOS_OFICINA = automata_de_grupos(*RAICES_OFICINA)


def _inicios_oficina(texto: str) -> list[list[int]] | None:
    """Inicios de _MISION y de `patron_ode` en `texto`; None si hay que probarlas en todo el texto (ver _iterar).

    Sin las letras raras, lower() no cambia el largo: se pasa a minúsculas en bytes (`minusculas`), y lo que
    queda fuera de Latin-1 (K → k, Å → å, Ÿ → ÿ) no forma parte de ninguna raíz de _INICIOS_OFICINA.
    """
    if "\u0130" in texto or "\u0131" in texto or "\u017f" in texto or "\u212a" in texto:  # _LETRAS_RARAS
        return None
    return inicios_por_grupo(_INICIOS_OFICINA, texto, 2, minusculas=True)


_SIGUE_OTRO_LUGAR = re.compile(r"\s*(?:,|\by\b|\be\b)\s*[A-ZÁÉÍÓÚ]")
_OTRO_LUGAR = re.compile(r"\s*(?:,|\by\b|\be\b)\s*(" + _LUGAR + ")")
_NO_DEPARTAMENTO = re.compile(r"\b(?:r[íi]o|Río|calle|avenida|Av\.|jir[óo]n|Jr\.)\s*$", re.IGNORECASE)
_PREPOSICION_LUGAR = re.compile(
    r"\b(?:en|a|de)\s+(?:la\s+ciudad\s+de\s+|la\s+regi[óo]n\s+(?:de\s+)?|el\s+departamento\s+de\s+|la\s+provincia\s+de\s+)?$",
    re.IGNORECASE,
)
_EN_EXTERIOR = re.compile(r"\ben\s+(?:la\s+ciudad\s+de\s+|la\s+capital\s+de\s+)?$")
_EN_POCAS_PALABRAS = re.compile(r"\ben\s+(?:\w+\s+){0,3}$")
_SEDE = re.compile(r"Torre\s+Tagle|sede\s+de\s+la\s+Canciller")


class _Nombre(NamedTuple):
    inicio: int
    fin: int
    texto: str


def _es_palabra(c: str) -> bool:
    return c.isalnum() or c == "_"  # la definición de \w de `re` para str


class _Nombres:
    r"""Nombres de catálogo como palabras completas: lo mismo que
    `re.compile(r"(?<![\w])(?:" + "|".join(formas, de mayor a menor largo) + r")(?![\w])").finditer`
    (en cada posición gana el nombre más largo; sin solaparse), pero con Aho–Corasick: una
    alternancia de cientos de nombres en `re` prueba cada nombre en cada posición del texto.

    Con varios grupos de formas, `buscar` da lo de cada grupo como si tuviera su propio autómata, con una sola
    pasada por el texto (el autómata cuesta ~175 instrucciones por carácter; la sede central busca países,
    misiones y departamentos en los mismos dos textos).
    """

    def __init__(self, *grupos: set[str]) -> None:
        mascaras: dict[str, int] = {}
        for i, formas in enumerate(grupos):
            for forma in formas:
                mascaras[forma] = mascaras.get(forma, 0) | (1 << i)
        self._grupos = len(grupos)
        self._automata = ahocorasick.Automaton()
        for forma, mascara in mascaras.items():
            self._automata.add_word(forma, (len(forma), mascara))
        self._automata.make_automaton()

    def finditer(self, texto: str) -> list[_Nombre]:
        """Los nombres del primer grupo (el único, salvo en `nombres_sede`)."""
        largo = len(texto)
        mejores: dict[int, int] = {}  # inicio → largo del nombre más largo con límites de palabra
        for fin, (n, mascara) in self._automata.iter(texto):
            inicio = fin - n + 1
            if not mascara & 1:
                continue
            if (inicio > 0 and _es_palabra(texto[inicio - 1])) or (fin + 1 < largo and _es_palabra(texto[fin + 1])):
                continue
            if n > mejores.get(inicio, 0):
                mejores[inicio] = n
        return _sin_solaparse(texto, mejores)

    def buscar(self, texto: str) -> list[list[_Nombre]]:
        """Los nombres de cada grupo en `texto` (= `finditer` de un _Nombres con solo ese grupo)."""
        largo = len(texto)
        mejores: list[dict[int, int]] = [{} for _ in range(self._grupos)]  # inicio → largo del más largo
        for fin, (n, mascara) in self._automata.iter(texto):
            inicio = fin - n + 1
            if (inicio > 0 and _es_palabra(texto[inicio - 1])) or (fin + 1 < largo and _es_palabra(texto[fin + 1])):
                continue
            for grupo, del_grupo in enumerate(mejores):
                if mascara >> grupo & 1 and n > del_grupo.get(inicio, 0):
                    del_grupo[inicio] = n
        return [_sin_solaparse(texto, del_grupo) if del_grupo else [] for del_grupo in mejores]


def _sin_solaparse(texto: str, mejores: dict[int, int]) -> list[_Nombre]:
    """Los nombres de izquierda a derecha, el más largo en cada inicio, saltando los que se solapan."""
    halladas = []
    siguiente = 0
    for inicio in sorted(mejores):
        if inicio >= siguiente:
            siguiente = inicio + mejores[inicio]
            halladas.append(_Nombre(inicio, siguiente, texto[inicio:siguiente]))
    return halladas


@dataclass
class _Indice:
    """Catálogos preparados para buscar lugares por nombre."""

    departamentos: dict[str, str] = field(default_factory=dict)  # alias → departamento
    paises: dict[str, str] = field(default_factory=dict)  # alias → país
    ode: dict[str, dict] = field(default_factory=dict)  # lugar → fila de oficina desconcentrada
    misiones: dict[str, list[dict]] = field(default_factory=dict)  # lugar/alias → filas de misión
    misiones_por_pais: dict[str, list[dict]] = field(default_factory=dict)  # país → filas (orden de `misiones`)
    # Las primeras 0, 1, 2... palabras de cada clave de `misiones`, `paises` y `departamentos` (ver _resolver_lugar).
    prefijos: set[str] = field(default_factory=set)
    patron_departamentos: _Nombres | None = None
    patron_paises: _Nombres | None = None
    patron_misiones: _Nombres | None = None
    # Misiones, países y departamentos (grupos 0, 1 y 2) en una pasada: lo que la sede central busca en cada texto.
    nombres_sede: _Nombres | None = None
    patron_ode: re.Pattern[str] | None = None


def _variantes(nombre: str) -> set[str]:
    """El nombre tal cual y sin tildes (las notas raspadas a veces las pierden)."""
    plano = "".join(c for c in unicodedata.normalize("NFKD", nombre) if not unicodedata.combining(c))
    return {nombre, unicodedata.normalize("NFC", plano)} - {""}


def _formas(claves: list[str]) -> set[str]:
    return {v for c in claves for v in _variantes(c)}


@lru_cache(maxsize=8)
def _indice(carpeta: str) -> _Indice:
    del carpeta  # solo forma parte de la clave de la caché
    indice = _Indice()
    for fila in catalogos.leer_csv("departamentos"):
        nombre = fila.get("departamento", "")
        if not nombre:
            continue
        for alias in [nombre, fila.get("capital", ""), *dividir_lista(fila.get("alias"))]:
            if alias:
                indice.departamentos.setdefault(normalizar(alias), nombre)
    for fila in catalogos.leer_csv("paises"):
        nombre = fila.get("pais", "")
        if not nombre:
            continue
        for alias in [nombre, *dividir_lista(fila.get("alias"))]:
            indice.paises.setdefault(normalizar(alias), nombre)
    for fila in catalogos.leer_csv("oficinas"):
        tipo = fila.get("tipo_oficina", "")
        lugares = [fila.get("ciudad", ""), *dividir_lista(fila.get("alias"))]
        if tipo == "oficina_desconcentrada":
            for lugar in [*lugares, fila.get("departamento", "")]:
                if lugar and not normalizar(lugar).startswith("ode "):
                    indice.ode.setdefault(normalizar(lugar), fila)
        elif tipo == "mision_exterior":
            for lugar in lugares:
                if lugar:
                    indice.misiones.setdefault(normalizar(lugar), []).append(fila)
    for filas in indice.misiones.values():
        for fila in filas:
            indice.misiones_por_pais.setdefault(fila.get("pais"), []).append(fila)
    for clave in [*indice.misiones, *indice.paises, *indice.departamentos]:
        palabras = clave.split(" ")  # normalizar ya colapsó los espacios
        indice.prefijos.update(" ".join(palabras[:n]) for n in range(len(palabras) + 1))  # con "" (n = 0)
    departamentos = _formas(list(_originales("departamentos", ("departamento", "capital"))))
    paises = _formas(list(_originales("paises", ("pais",))))
    misiones = _formas(
        [
            lugar
            for fila in catalogos.leer_csv("oficinas")
            if fila.get("tipo_oficina") == "mision_exterior"
            and not fila.get("oficina", "").startswith(("Misión", "Repr"))
            for lugar in [fila.get("ciudad", ""), *dividir_lista(fila.get("alias"))]
            if lugar
        ]
    )
    indice.patron_departamentos = _Nombres(departamentos) if departamentos else None
    indice.patron_paises = _Nombres(paises) if paises else None
    indice.patron_misiones = _Nombres(misiones) if misiones else None
    if misiones or paises or departamentos:
        indice.nombres_sede = _Nombres(misiones, paises, departamentos)
    lugares_ode = sorted(
        {
            v
            for fila in catalogos.leer_csv("oficinas")
            if fila.get("tipo_oficina") == "oficina_desconcentrada"
            for lugar in [fila.get("ciudad", ""), fila.get("departamento", ""), *dividir_lista(fila.get("alias"))]
            if lugar and not normalizar(lugar).startswith("ode ")
            for v in _variantes(lugar)
        },
        key=len,
        reverse=True,
    )
    if lugares_ode:
        lugar = "(?P<lugar>" + "|".join(re.escape(v) for v in lugares_ode) + r")(?![\w])"
        # = \bCanciller[íi]a\s+…|\b(?:Oficina\s+Desconcentrada|ODE)\s+… con re.IGNORECASE; empieza por [cCoO]
        # y no por \b para que `re` salte en C las posiciones imposibles (ver fechas.py).
        indice.patron_ode = re.compile(
            rf"[cCoO](?<!\w.)(?i:(?<=c)anciller[íi]a\s+(?P<prep>(?:de|en)\s+)?{lugar}"
            r"|(?<=o)(?:ficina\s+Desconcentrada|DE)\s+(?:(?:del|de\s+la|de)\s+(?:Ministerio\s+de\s+Relaciones\s+Exteriores"
            r"|Canciller[íi]a|RREE|MRE)\s+)?(?P<prep2>(?:de\s+la|del|de|en)\s+)?(?:la\s+ciudad\s+de\s+|la\s+regi[óo]n\s+|"
            rf"el\s+departamento\s+de\s+)?{lugar.replace('?P<lugar>', '?P<lugar2>')})",
        )
    return indice


def _originales(nombre: str, columnas: tuple[str, ...]) -> list[str]:
    valores = []
    for fila in catalogos.leer_csv(nombre):
        valores += [fila.get(c, "") for c in columnas if fila.get(c)]
        valores += dividir_lista(fila.get("alias"))
    return valores


def _catalogo() -> _Indice:
    return _indice(str(catalogos.carpeta()))


# --- Menciones de oficinas ----------------------------------------------------


@dataclass(frozen=True)
class _Oficina:
    nombre: str
    tipo: str
    pais: str | None
    region: str | None
    inicio: int
    fin: int


def _odes(texto: str, indice: _Indice, inicios: list[int] | None = None) -> list[_Oficina]:
    if indice.patron_ode is None:
        return []
    halladas = []
    patron = indice.patron_ode
    for m in patron.finditer(texto) if inicios is None else coincidencias_desde(patron, texto, inicios):
        lugar = m.group("lugar") or m.group("lugar2")
        if m.group("lugar") and not _mayuscula_inicial(m.group(0)):
            continue  # "cancillería" en minúscula no es el nombre de una oficina
        if (m.group("prep") or m.group("prep2")) and _SIGUE_OTRO_LUGAR.match(texto[m.end() :]):
            siguiente = _OTRO_LUGAR.match(texto[m.end() :])
            if siguiente and normalizar(siguiente.group(1)) in indice.ode:
                continue  # "Cancillería de Puno y Puerto Maldonado": varias oficinas, ninguna reporta
        fila = indice.ode.get(normalizar(lugar))
        if fila:
            halladas.append(
                _Oficina(
                    fila["oficina"],
                    "oficina_desconcentrada",
                    PERU,
                    fila.get("departamento") or None,
                    m.start(),
                    m.end(),
                )
            )
    return halladas


def _mayuscula_inicial(texto: str) -> bool:
    return bool(texto) and texto[0].isupper()


def _resolver_lugar(lugar: str, indice: _Indice) -> tuple[str, list[dict], str | None]:
    """(nombre del lugar, filas de misión, país) probando prefijos cada vez más cortos."""
    palabras = lugar.split()
    # El lugar que captura _MISION suele llevarse el resto de la oración ("Dinamarca participa en ceremonia..."):
    # en vez de normalizar cada prefijo, del más largo al más corto, se normalizan de menor a mayor mientras sean
    # el comienzo de alguna clave. Es lo mismo porque normalizar va carácter a carácter y colapsa los blancos:
    # normalizar(prefijo de n + 1 palabras) = normalizar(prefijo de n) [+ " " + lo que aporta la palabra n + 1],
    # así que si un prefijo no empieza ninguna clave, ninguno más largo es una clave.
    claves: list[str] = []
    for n in range(1, len(palabras) + 1):
        clave = normalizar(" ".join(palabras[:n]))
        if clave not in indice.prefijos:
            break
        claves.append(clave)
    for n in range(len(claves), 0, -1):
        candidato = " ".join(palabras[:n])
        clave = claves[n - 1]
        if clave in indice.misiones:
            return candidato, indice.misiones[clave], indice.misiones[clave][0].get("pais") or None
        if clave in indice.paises:
            pais = indice.paises[clave]
            filas = list(indice.misiones_por_pais.get(pais, []))
            return pais, filas, pais
        if clave in indice.departamentos:
            return candidato, [], PERU
    return lugar, [], None


def _resolver_lugar_con_articulo(
    articulo: str | None, lugar: str, indice: _Indice
) -> tuple[str, list[dict], str | None]:
    """Como _resolver_lugar, pero 'en Los Ángeles' / 'en La Paz' / 'en Las Vegas' prueban primero con el artículo.

    Si nada se reconoce, el nombre del lugar se corta en la primera palabra en minúscula (la regex es IGNORECASE
    y se lleva el resto de la oración: "Vegas participa en reunión ...").
    """
    if articulo:
        resuelto = _resolver_lugar(articulo + lugar, indice)
        if resuelto[1] or resuelto[2]:
            return resuelto
    resuelto = _resolver_lugar(lugar, indice)
    if resuelto[1] or resuelto[2]:
        return resuelto
    completo = ((articulo or "") + lugar).split()
    propias: list[str] = []
    for palabra in completo:
        if not palabra[:1].isupper() and palabra not in ("de", "del", "la", "las", "los"):
            break
        propias.append(palabra)
    while propias and not propias[-1][:1].isupper():
        propias.pop()
    return " ".join(propias) or lugar, [], None


def _elegir_fila(filas: list[dict], clase: str, pais_lugar: str | None, lugar: str) -> dict | None:
    preferidas = [f for f in filas if f.get("oficina", "").startswith(clase)]
    if pais_lugar and normalizar(lugar) == normalizar(pais_lugar):
        # "Embajada del Perú en Portugal": la embajada en ese país, no un consulado
        preferidas = [f for f in preferidas if f.get("oficina", "").startswith("Embajada")] or preferidas
        if clase == "Consulado" and len(preferidas) > 1:
            return None
    vistas = {f.get("oficina") for f in preferidas}
    return preferidas[0] if preferidas and len(vistas) >= 1 else None


def _misiones(texto: str, indice: _Indice, contexto: str, inicios: list[int] | None = None) -> list[_Oficina]:
    halladas = []
    for m in _MISION.finditer(texto) if inicios is None else coincidencias_desde(_MISION, texto, inicios):
        if not _mayuscula_inicial(m.group("tipo")) and not m.group("peru"):
            continue
        nombre_tipo, clase = _TIPOS_MISION[normalizar(m.group("tipo"))]
        calificada = bool(m.group("peru") or m.group("nuestra"))
        lugar = m.group("lugar")
        if lugar:
            nombre_lugar, filas, pais = _resolver_lugar_con_articulo(m.group("articulo"), lugar, indice)
            if pais == PERU or (not calificada and not filas):
                continue  # una misión en el Perú o de otro país: no es del Ministerio
            fila = _elegir_fila(filas, clase, pais, nombre_lugar)
            if fila:
                nombre, pais = fila["oficina"], fila.get("pais") or pais
            else:
                nombre = f"{nombre_tipo} del Perú {m.group('prep').lower()} {nombre_lugar}"
                pais = pais or _pais_mencionado(contexto, indice)
        elif calificada:
            fila = _mision_por_ciudad(contexto, indice, clase)
            if fila is None:
                continue
            nombre, pais = fila["oficina"], fila.get("pais") or None
        else:
            continue
        halladas.append(_Oficina(nombre, "mision_exterior", pais, None, m.start(), m.end()))
    return halladas


def _mision_por_ciudad(texto: str, indice: _Indice, clase: str) -> dict | None:
    """'El Consulado General del Perú participó ... San Pablo': la misión de la ciudad nombrada."""
    if indice.patron_misiones is None:
        return None
    for m in indice.patron_misiones.finditer(texto):
        filas = indice.misiones.get(normalizar(m.texto), [])
        preferidas = [f for f in filas if f.get("oficina", "").startswith(clase)]
        if preferidas:
            return preferidas[0]
    return None


def _pais_mencionado(texto: str, indice: _Indice) -> str | None:
    if indice.patron_paises is None:
        return None
    for m in indice.patron_paises.finditer(texto):
        pais = indice.paises.get(normalizar(m.texto))
        if pais and pais != PERU:
            return pais
    return None


def _oficinas(
    texto: str, indice: _Indice, contexto: str, inicios: list[list[int]] | None = None
) -> list[_Oficina]:
    """Oficinas nombradas en `texto`; `inicios`: los de `_inicios_oficina(texto)` o más, si ya se tienen."""
    if inicios is None:
        inicios = _inicios_oficina(texto)
    misiones, odes = inicios if inicios is not None else (None, None)
    return sorted(_odes(texto, indice, odes) + _misiones(texto, indice, contexto, misiones), key=lambda o: o.inicio)


def _unica(oficinas: list[_Oficina]) -> _Oficina | None:
    nombres = {o.nombre for o in oficinas}
    return oficinas[0] if len(nombres) == 1 else None


# --- Regiones -------------------------------------------------------------------


def _departamentos(
    texto: str, indice: _Indice, con_preposicion: bool = False, nombres: list[_Nombre] | None = None
) -> list[tuple[str, int, int]]:
    """Departamentos nombrados en `texto`; `nombres`: lo que halla `patron_departamentos` en él, si ya se tiene."""
    if nombres is None:
        if indice.patron_departamentos is None:
            return []
        nombres = indice.patron_departamentos.finditer(texto)
    hallados = []
    for m in nombres:
        antes = texto[max(0, m.inicio - 40) : m.inicio]
        if _NO_DEPARTAMENTO.search(antes):
            continue  # "el río Amazonas", "avenida Arequipa": no son el departamento
        if con_preposicion and not _PREPOSICION_LUGAR.search(antes):
            continue
        departamento = indice.departamentos.get(normalizar(m.texto))
        if departamento:
            hallados.append((departamento, m.inicio, m.fin))
    return hallados


def _cues_peru(texto: str) -> list[re.Match[str]]:
    """= list(_CUE_PERU.finditer(texto)), probando la regex solo delante de «peruan» y en «territorio».

    Toda coincidencia contiene una de esas dos palabras (en minúsculas o no): «territorio» donde empieza, y
    «peruan» tras la raíz y sus blancos, así que empieza en la palabra anterior. bytes.find las halla en C, y la
    mayoría de las notas no las tiene: sin ellas no se recorre el texto con el autómata de las ocho raíces.
    """
    if any(rara in texto for rara in _LETRAS_RARAS):
        return list(_CUE_PERU.finditer(texto))
    # Un byte por carácter (lo que no es Latin-1 pasa a "?"); bytes.lower() solo cambia ASCII, y con IGNORECASE
    # ninguna otra letra (salvo las raras) iguala a las de «peruan» o «territorio».
    bajo = texto.encode("latin-1", "replace").lower()
    inicios = []
    for palabra, en_la_previa in ((b"peruan", True), (b"territorio", False)):
        donde = bajo.find(palabra)
        while donde >= 0:
            inicio = inicio_palabra_previa(texto, donde) if en_la_previa else donde
            if inicio >= 0:
                inicios.append(inicio)
            donde = bajo.find(palabra, donde + len(palabra))
    return coincidencias_desde(_CUE_PERU, texto, sorted(set(inicios))) if inicios else []


def _region_peru(texto: str, indice: _Indice) -> tuple[str, str] | None:
    """Departamento de la oración que dice que la actividad fue en el Perú ("ciudad peruana")."""
    for m in _cues_peru(texto):
        oracion = oracion_de(texto, m.start(), m.end())
        hallados = _departamentos(oracion, indice)
        if hallados:
            return hallados[0][0], oracion
    return None


def _pais_extranjero(texto: str, indice: _Indice, nombres: list[list[_Nombre]]) -> tuple[str, str] | None:
    """'... en Ginebra' / '... en Chile': la actividad de la sede central fue en el exterior.

    `nombres`: las misiones y luego los países nombrados en `texto` (ver `_Indice.nombres_sede`).
    """
    for de_un_catalogo in nombres:
        for m in de_un_catalogo:
            if not _EN_EXTERIOR.search(texto[max(0, m.inicio - 30) : m.inicio]):
                continue
            clave = normalizar(m.texto)
            pais = indice.paises.get(clave) or next(
                (f.get("pais") for f in indice.misiones.get(clave, []) if f.get("pais")), None
            )
            if pais and pais != PERU and clave not in indice.departamentos:
                return pais, oracion_de(texto, m.inicio, m.fin)
    return None


# --- Entrada pública ---------------------------------------------------------------


def ubicar(titulo: str, cuerpo: str, recorrido: Pasada | None = None) -> Ubicacion:
    """Oficina, tipo de oficina, país y región de la actividad que reporta la nota.

    Con `recorrido` (ver `datos.extraccion.pasada`), los inicios de las oficinas salen de la pasada de la nota.
    """
    titulo = titulo or ""
    cuerpo = cuerpo or ""
    try:
        return _ubicar(titulo, cuerpo, _catalogo(), recorrido)
    except (re.error, KeyError, ValueError, IndexError):
        return Ubicacion(oficina=SEDE_CENTRAL, tipo_oficina="sede_central", pais=PERU, region="Lima")


def _inicios_en(recorrido: Pasada | None, cero: int, desde: int, hasta: int) -> list[list[int]] | None:
    """Los inicios de oficina del `recorrido` en plano[desde:hasta] (ver `pasada.Pasada`), contados desde `cero`.

    Plegado halla cada inicio de `_inicios_oficina` (misma tabla de palabras, raíces plegadas) y alguno más
    ("Cónsul" por «consul»), que las regex descartan. None sin recorrido: se buscan en el texto.
    """
    if recorrido is None:
        return None
    return [[p - cero for p in grupo if desde <= p < hasta] for grupo in recorrido.inicios_oficina]


def _ubicar(titulo: str, cuerpo: str, indice: _Indice, recorrido: Pasada | None = None) -> Ubicacion:
    contexto = f"{titulo}\n{cuerpo}"
    desde_primero, primero = _primer_parrafo_y_su_inicio(cuerpo)
    # En `recorrido.plegado.plano` el título va sin blancos en los bordes desde la posición 1, y el cuerpo desde
    # `base`.
    base = recorrido.plegado.base if recorrido else 0

    blancos = len(titulo) - len(titulo.lstrip())
    inicios = _inicios_en(recorrido, 1 - blancos, 1, 1 + len(titulo.strip()))
    oficina = _unica(_oficinas(titulo, indice, contexto, inicios))
    evidencia = titulo
    if oficina is None:
        desde = base + desde_primero
        inicios = _inicios_en(recorrido, desde, desde, desde + len(primero))
        oficina = _unica(_oficinas(primero, indice, contexto, inicios))
        evidencia = oracion_de(primero, oficina.inicio, oficina.fin) if oficina else ""
    if oficina is None:
        inicios = _inicios_en(recorrido, base, base, base + len(cuerpo))
        oficina = _unica(_oficinas(cuerpo, indice, contexto, inicios))
        evidencia = oracion_de(cuerpo, oficina.inicio, oficina.fin) if oficina else ""

    if oficina is None:
        return _sede_central(titulo, cuerpo, primero, indice)

    ubicacion = Ubicacion(
        oficina=oficina.nombre,
        tipo_oficina=oficina.tipo,
        pais=oficina.pais,
        region=oficina.region,
        evidencia_oficina=evidencia,
        evidencia_region=evidencia if oficina.region else "",
    )
    if oficina.tipo == "mision_exterior":
        en_peru = _region_peru(cuerpo, indice)
        if en_peru:
            ubicacion.pais, ubicacion.region = PERU, en_peru[0]
            ubicacion.evidencia_region = en_peru[1]
    else:
        # "Cancillería Tacna realiza taller en Moquegua": la actividad fue en otro departamento
        otras = {
            d[0]
            for d in _departamentos(titulo, indice, con_preposicion=True)
            if d[0] != oficina.region and _EN_POCAS_PALABRAS.search(titulo[: d[1]])
        }
        if len(otras) == 1:
            ubicacion.region, ubicacion.evidencia_region = otras.pop(), titulo
    return ubicacion


def _primer_parrafo(cuerpo: str) -> str:
    """= next((p for p in cuerpo.split("\n") if p.strip()), ""), sin partir todo el cuerpo."""
    return _primer_parrafo_y_su_inicio(cuerpo)[1]


def _primer_parrafo_y_su_inicio(cuerpo: str) -> tuple[int, str]:
    """El primer párrafo no vacío y dónde empieza en `cuerpo` (para ubicar en él los inicios de la pasada)."""
    inicio = 0
    while (fin := cuerpo.find("\n", inicio)) >= 0:
        if cuerpo[inicio:fin].strip():
            return inicio, cuerpo[inicio:fin]
        inicio = fin + 1
    return (inicio, cuerpo[inicio:]) if cuerpo[inicio:].strip() else (0, "")


def _sede_central(titulo: str, cuerpo: str, primero: str, indice: _Indice) -> Ubicacion:
    oraciones = dividir(primero)
    inicio = oraciones[0] if oraciones else ""
    # Toda coincidencia de _SEDE contiene «Tagle», o «sede» y «Canciller»: si el cuerpo no los tiene, no partirlo
    # en oraciones ni probar la regex en cada una.
    evidencia = ""
    if "Tagle" in cuerpo or ("sede" in cuerpo and "Canciller" in cuerpo):
        evidencia = next((o for o in dividir(cuerpo) if _SEDE.search(o)), "")
    ubicacion = Ubicacion(
        oficina=SEDE_CENTRAL, tipo_oficina="sede_central", pais=PERU, region="Lima", evidencia_oficina=evidencia
    )
    # Una pasada del autómata por texto (título y primera oración) para misiones, países y departamentos.
    sede = indice.nombres_sede
    nombres = [sede.buscar(texto) if sede else [[], [], []] for texto in (titulo, inicio)]
    for texto, (misiones, paises, _) in zip((titulo, inicio), nombres, strict=True):
        exterior = _pais_extranjero(texto, indice, [misiones, paises])
        if exterior:
            ubicacion.pais, ubicacion.region = exterior[0], None
            ubicacion.evidencia_region = exterior[1]
            return ubicacion
    for texto, con_preposicion, (_, _, departamentos) in zip((titulo, inicio), (False, True), nombres, strict=True):
        todos = _departamentos(texto, indice, nombres=departamentos)
        # = not _departamentos(texto, indice, con_preposicion=True), sin volver a buscar los nombres en el texto
        if con_preposicion and not any(_PREPOSICION_LUGAR.search(texto[max(0, d[1] - 40) : d[1]]) for d in todos):
            continue
        hallados = {d[0] for d in todos}  # "en Puno y Puerto Maldonado": ambiguo
        if len(hallados) == 1:
            ubicacion.region = hallados.pop()
            ubicacion.evidencia_region = texto
            return ubicacion
    return ubicacion
