"""El estado de los filtros del tablero como un solo valor inmutable.

Un `Filtros` produce la cláusula WHERE parametrizada (solo `?` y nombres de
columna fijos, nunca valores), la descripción en español que acompaña a cada
gráfico, el nombre de archivo de las descargas y los parámetros de la URL.
Es hashable: sirve como clave de caché.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

# Campos multivaluados, en el orden en que se describen y se ponen en la URL.
CAMPOS_LISTA: tuple[str, ...] = (
    "region",
    "pais",
    "oficina",
    "tipo_oficina",
    "organizacion",
    "tema",
    "tipo_evento",
)
CAMPOS_ANIO: tuple[str, ...] = ("anio_desde", "anio_hasta")
CLAVES_URL: tuple[str, ...] = CAMPOS_ANIO + CAMPOS_LISTA

# Campos que son columnas de `eventos` (se filtran directamente).
_COLUMNAS_EVENTO = ("region", "pais", "oficina", "tipo_oficina", "tipo_evento")

# Límites contra URLs hostiles o accidentales.
MAX_VALORES = 200
MAX_LARGO_VALOR = 300

ETIQUETAS_CAMPO: dict[str, tuple[str, str]] = {
    "region": ("Región", "Regiones"),
    "pais": ("País", "Países"),
    "oficina": ("Oficina", "Oficinas"),
    "tipo_oficina": ("Tipo de oficina", "Tipos de oficina"),
    "organizacion": ("Organización", "Organizaciones"),
    "tema": ("Tema", "Temas"),
    "tipo_evento": ("Tipo de evento", "Tipos de evento"),
}

ETIQUETAS_TIPO_OFICINA: dict[str, str] = {
    "sede_central": "Sede central",
    "oficina_desconcentrada": "Oficina desconcentrada",
    "mision_exterior": "Misión en el exterior",
}

_ALIAS_VALIDO = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,30}")
_NO_SLUG = re.compile(r"[^a-z0-9]+")
_ANIO = re.compile(r"\s*(\d{1,4})\s*")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def _normalizar(texto: str) -> str:
    """Minúsculas sin tildes: para comparar lo que se escribe a mano en una URL."""
    descompuesto = unicodedata.normalize("NFKD", texto)
    sin_tildes = "".join(c for c in descompuesto if not unicodedata.combining(c))
    return " ".join(sin_tildes.lower().split())


def _slug(texto: str) -> str:
    return _NO_SLUG.sub("-", _normalizar(texto)).strip("-")


def _tupla(valores: Any) -> tuple[str, ...]:
    """Normaliza un campo multivaluado: tupla de textos sin repetidos, ordenada."""
    if valores is None:
        return ()
    if isinstance(valores, str):
        valores = (valores,)
    limpios = {str(v) for v in valores if v is not None and str(v) != ""}
    return tuple(sorted(limpios, key=lambda v: (_normalizar(v), v)))


def _entero(valor: Any) -> int | None:
    if valor is None or valor == "":
        return None
    return int(valor)


def etiqueta_valor(campo: str, valor: str) -> str:
    """Texto legible de un valor (los tipos de oficina vienen como códigos)."""
    if campo == "tipo_oficina":
        return ETIQUETAS_TIPO_OFICINA.get(valor, valor)
    if campo == "tipo_organizacion":
        return valor.replace("_", " ").capitalize()
    return valor


def _lista_legible(valores: Iterable[str], maximo: int = 3) -> str:
    valores = list(valores)
    if len(valores) <= maximo:
        if len(valores) == 1:
            return valores[0]
        return ", ".join(valores[:-1]) + " y " + valores[-1]
    return ", ".join(valores[:maximo]) + f" y {len(valores) - maximo} más"


def _para_aviso(valor: str) -> str:
    """Un valor ajeno, recortado y con el Markdown escapado, para citarlo en un aviso."""
    recortado = valor if len(valor) <= 40 else valor[:40] + "…"
    recortado = "".join(c if c.isprintable() else "?" for c in recortado)
    return "«" + _MARKDOWN.sub(r"\\\1", recortado) + "»"


@dataclass(frozen=True)
class Filtros:
    """Filtros del tablero: O dentro de un campo, Y entre campos."""

    anio_desde: int | None = None
    anio_hasta: int | None = None
    region: tuple[str, ...] = ()
    pais: tuple[str, ...] = ()
    oficina: tuple[str, ...] = ()
    tipo_oficina: tuple[str, ...] = ()
    organizacion: tuple[str, ...] = ()
    tema: tuple[str, ...] = ()
    tipo_evento: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # Acepta listas o un texto suelto y deja siempre tuplas ordenadas: dos
        # selecciones iguales dan el mismo valor (y la misma clave de caché).
        for campo in CAMPOS_LISTA:
            object.__setattr__(self, campo, _tupla(getattr(self, campo)))
        for campo in CAMPOS_ANIO:
            object.__setattr__(self, campo, _entero(getattr(self, campo)))

    # --- SQL -----------------------------------------------------------------

    def donde(
        self, alias: str = "e", mascara_temas: int | None = None, listas_como_semijoin: bool = False
    ) -> tuple[str, list]:
        """Expresión booleana sobre `eventos` con alias `alias` y sus parámetros.

        Organización y tema filtran con semi-joins (`evento_id IN (SELECT ...)`)
        para no multiplicar filas ni tocar más que lo necesario. Sobre los marts
        hechos_*, que traen `temas_bits`, `mascara_temas` (los bits de los temas
        elegidos, de bit_tema) cambia el semi-join de tema por una prueba de bits.
        `listas_como_semijoin` escribe los campos con dos o más valores como
        `col IN (SELECT unnest([?, ?]))`: el mismo resultado, pero DuckDB filtra en la
        lectura (la lista `IN (?, ?)` de textos la evalúa fila por fila: 2-3 veces más CPU).
        """
        if not _ALIAS_VALIDO.fullmatch(alias):
            raise ValueError(f"Alias de tabla no válido: {alias!r}")
        partes: list[str] = []
        params: list = []
        if self.anio_desde is not None:
            partes.append(f"{alias}.anio >= ?")
            params.append(self.anio_desde)
        if self.anio_hasta is not None:
            partes.append(f"{alias}.anio <= ?")
            params.append(self.anio_hasta)
        for campo in _COLUMNAS_EVENTO:
            valores = getattr(self, campo)
            if valores:
                if listas_como_semijoin and len(valores) > 1:
                    partes.append(f"{alias}.{campo} IN (SELECT unnest([{_marcas(len(valores))}]))")
                else:
                    partes.append(f"{alias}.{campo} IN ({_marcas(len(valores))})")
                params.extend(valores)
        if self.organizacion:
            partes.append(_rellenar(_POR_ORGANIZACION, alias, len(self.organizacion)))
            params.extend(self.organizacion)
        if self.tema and mascara_temas is not None:
            partes.append(f"({alias}.temas_bits & CAST(? AS UBIGINT)) <> 0")
            params.append(int(mascara_temas))
        elif self.tema:
            partes.append(_rellenar(_POR_TEMA, alias, len(self.tema)))
            params.extend(self.tema)
        if not partes:
            return "TRUE", []
        return " AND ".join(partes), params

    # --- Texto para personas ---------------------------------------------------

    def descripcion(self) -> str:
        """Qué se está mirando, en una línea: va al pie de cada gráfico."""
        partes: list[str] = []
        anios = self._texto_anios()
        if anios:
            partes.append(anios)
        for campo in CAMPOS_LISTA:
            valores = getattr(self, campo)
            if valores:
                singular, plural = ETIQUETAS_CAMPO[campo]
                etiqueta = singular if len(valores) == 1 else plural
                legibles = [etiqueta_valor(campo, v) for v in valores]
                partes.append(f"{etiqueta}: {_lista_legible(legibles)}")
        return " · ".join(partes) if partes else "Todos los eventos"

    def _texto_anios(self) -> str:
        desde, hasta = self.anio_desde, self.anio_hasta
        if desde is not None and hasta is not None:
            return f"Año: {desde}" if desde == hasta else f"Años: {desde}–{hasta}"
        if desde is not None:
            return f"Desde {desde}"
        if hasta is not None:
            return f"Hasta {hasta}"
        return ""

    def nombre_archivo(self, base: str, extension: str) -> str:
        """Nombre de descarga que dice lo filtrado: `eventos_region-tumbes_2023-2024.csv`."""
        partes = [_slug(base) or "datos"]
        for campo in CAMPOS_LISTA:
            valores = getattr(self, campo)
            if not valores:
                continue
            prefijo = campo.replace("_", "-")
            if len(valores) <= 3:
                partes.append(prefijo + "-" + "-".join(_slug(v)[:40] or "valor" for v in valores))
            else:
                partes.append(f"{prefijo}-{len(valores)}-valores")
        desde, hasta = self.anio_desde, self.anio_hasta
        if desde is not None and hasta is not None:
            partes.append(str(desde) if desde == hasta else f"{desde}-{hasta}")
        elif desde is not None:
            partes.append(f"desde-{desde}")
        elif hasta is not None:
            partes.append(f"hasta-{hasta}")
        nombre = "_".join(partes)[:150].rstrip("-_")
        ext = re.sub(r"[^a-z0-9]", "", extension.lower()) or "dat"
        return f"{nombre}.{ext}"

    # --- URL -------------------------------------------------------------------

    def a_query_params(self) -> dict[str, list[str]]:
        """Parámetros de URL (solo los filtros activos; los multivaluados repiten la clave)."""
        salida: dict[str, list[str]] = {}
        for campo in CAMPOS_ANIO:
            valor = getattr(self, campo)
            if valor is not None:
                salida[campo] = [str(valor)]
        for campo in CAMPOS_LISTA:
            valores = getattr(self, campo)
            if valores:
                salida[campo] = list(valores)
        return salida

    @classmethod
    def desde_query_params(cls, params: Mapping[str, Any], opciones: Any) -> tuple[Filtros, list[str]]:
        """Filtros a partir de la URL, validando cada valor contra los valores conocidos.

        Lo desconocido se descarta con un aviso en español; nada de la URL llega
        al SQL sin haber sido reconocido antes. Claves ajenas se ignoran.
        """
        avisos: list[str] = []
        valores: dict[str, Any] = {}
        for campo in CAMPOS_ANIO:
            crudos = _valores_de(params, campo)
            if crudos:
                valores[campo] = _validar_anio(campo, crudos[-1], opciones, avisos)
        if valores.get("anio_desde") is not None and valores.get("anio_hasta") is not None:
            if valores["anio_desde"] > valores["anio_hasta"]:
                valores["anio_desde"], valores["anio_hasta"] = valores["anio_hasta"], valores["anio_desde"]
                avisos.append("El rango de años estaba invertido; se ordenó de menor a mayor.")
        for campo in CAMPOS_LISTA:
            crudos = _valores_de(params, campo)
            if crudos:
                valores[campo] = _validar_lista(campo, crudos, getattr(opciones, campo, ()), avisos)
        return cls(**valores), avisos

    # --- Utilidades --------------------------------------------------------------

    def es_vacio(self) -> bool:
        """Sin ningún filtro activo."""
        return self == Filtros()

    def con(self, **cambios: Any) -> Filtros:
        """Copia con algunos campos cambiados (las listas se normalizan igual)."""
        return dataclasses.replace(self, **cambios)

    def periodo_anterior(self) -> Filtros | None:
        """La misma ventana de años justo antes (para comparar); None sin rango de años."""
        if self.anio_desde is None or self.anio_hasta is None:
            return None
        largo = self.anio_hasta - self.anio_desde + 1
        return self.con(anio_desde=self.anio_desde - largo, anio_hasta=self.anio_desde - 1)


def _marcas(n: int) -> str:
    return ", ".join("?" * n)


# Semi-joins de organización y tema: solo nombres fijos, `{alias}` y marcas `?`. El lado chico sale
# de los marts con la lista de eventos de cada organización / tema (una fila por valor): DuckDB
# estima bien su tamaño y nunca arma la tabla hash con la tabla grande que se filtra.
_POR_ORGANIZACION = (
    "{alias}.evento_id IN (SELECT unnest(f_eo.eventos) FROM evento_organizacion_por_organizacion f_eo"
    " WHERE f_eo.organizacion_id IN (SELECT f_o.organizacion_id FROM organizaciones f_o"
    " WHERE f_o.nombre IN ({marcas})))"
)
_POR_TEMA = (
    "{alias}.evento_id IN (SELECT unnest(f_et.eventos) FROM evento_tema_por_tema f_et WHERE f_et.tema IN ({marcas}))"
)


def _rellenar(plantilla: str, alias: str, n: int) -> str:
    return plantilla.replace("{alias}", alias).replace("{marcas}", _marcas(n))


def _valores_de(params: Mapping[str, Any], clave: str) -> list[str]:
    """Todos los valores de una clave; entiende `st.query_params` (get_all) y dicts."""
    if hasattr(params, "get_all"):
        crudos = params.get_all(clave)
    else:
        crudos = params.get(clave)
    if crudos is None:
        return []
    if isinstance(crudos, str):
        crudos = [crudos]
    return [str(v) for v in crudos if v is not None]


def _validar_anio(campo: str, crudo: str, opciones: Any, avisos: list[str]) -> int | None:
    nombre = "año inicial" if campo == "anio_desde" else "año final"
    encontrado = _ANIO.fullmatch(crudo) if len(crudo) <= 10 else None
    if not encontrado:
        avisos.append(f"Se ignoró el {nombre} {_para_aviso(crudo)}: no es un año.")
        return None
    anio = int(encontrado.group(1))
    minimo, maximo = getattr(opciones, "anio_min", None), getattr(opciones, "anio_max", None)
    if minimo is None or maximo is None:
        avisos.append(f"Se ignoró el {nombre} {anio}: la base no tiene eventos con fecha.")
        return None
    if not minimo <= anio <= maximo:
        avisos.append(f"Se ignoró el {nombre} {anio}: los datos van de {minimo} a {maximo}.")
        return None
    return anio


def _validar_lista(campo: str, crudos: list[str], conocidos: Iterable[str], avisos: list[str]) -> tuple[str, ...]:
    etiqueta = ETIQUETAS_CAMPO[campo][0].lower()
    if len(crudos) > MAX_VALORES:
        avisos.append(
            f"Se recibieron {len(crudos)} valores de {etiqueta}; solo se consideraron los primeros {MAX_VALORES}."
        )
        crudos = crudos[:MAX_VALORES]
    conocidos = tuple(conocidos)
    exactos = set(conocidos)
    por_forma: dict[str, str] = {}
    for valor in conocidos:
        por_forma.setdefault(_normalizar(valor), valor)
    aceptados: list[str] = []
    ignorados: list[str] = []
    for crudo in crudos:
        if crudo in exactos:
            aceptados.append(crudo)
        elif len(crudo) <= MAX_LARGO_VALOR and _normalizar(crudo) in por_forma:
            aceptados.append(por_forma[_normalizar(crudo)])
        else:
            ignorados.append(crudo)
    if len(ignorados) == 1:
        avisos.append(f"Se ignoró {etiqueta} {_para_aviso(ignorados[0])}: no figura en los datos.")
    elif ignorados:
        ejemplos = ", ".join(_para_aviso(v) for v in ignorados[:3])
        avisos.append(f"Se ignoraron {len(ignorados)} valores de {etiqueta} que no figuran en los datos ({ejemplos}…).")
    return tuple(aceptados)
