"""Quita los artefactos del raspado de gob.pe sin tocar el contenido de la nota.

Artefactos conocidos: el título repetido como pie de foto, pies de foto cortos
repetidos ("Braga" ×4), un párrafo impreso dos veces, la etiqueta "Nota
Informativa" pegada al subtítulo y la línea final "Esta noticia pertenece al
compendio ...". Una nota cortada a media palabra se deja tal cual.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from datos.extraccion.catalogos import normalizar
from datos.extraccion.encabezado import (
    INICIOS_DE_CABECERA,
    LINEAS_CABECERA,
    linea_etiqueta,
    marcas,
)


@dataclass(frozen=True)
class NotaLimpia:
    titulo: str  # título de la nota
    texto: str  # texto completo limpio (encabezado incluido)
    cuerpo: str  # solo el cuerpo, sin título/subtítulo/encabezado


_ETIQUETA_PEGADA = re.compile(
    r"^(Nota Informativa|Nota de [Pp]rensa|Comunicado de [Pp]rensa|Comunicado Oficial|Fotoleyenda)"
    r"(?=[A-ZÁÉÍÓÚÑ¿¡“\"«])"
)
_COLOFON = re.compile(r"^(?:Esta noticia pertenece a(?:l)?\s+(?:compendio|la colecci[oó]n)|Compendio:)", re.IGNORECASE)
# str.translate con dict es lentísimo en texto no ASCII (una búsqueda fallida por carácter): replace en C.
# Primeras letras posibles de _ETIQUETA_PEGADA: no probar la regex en las demás líneas.
_INICIALES_ETIQUETA = frozenset("NCF")
# Dos primeros caracteres posibles de _COLOFON («es», «co»; con IGNORECASE la «s» también iguala a «ſ»): la regex
# no se prueba en las líneas que empiezan por «El», «En», «Cancillería»...
_INICIOS_COLOFON = frozenset(a + b for a in "Ee" for b in "Ssſ") | frozenset(a + b for a in "Cc" for b in "Oo")
_INVISIBLES = (("\u00a0", " "), ("\u200b", ""), ("\ufeff", ""), ("\u202f", " "), ("\t", " "))
_ESPACIOS_DOBLES = re.compile(r" {2,}")
_PARRAFO_MINIMO = 40  # caracteres: por debajo, repetir una línea no es "párrafo doble"
_PIE_MAXIMO = 90  # caracteres de un pie de foto
_SIMILITUD_TITULO = 85
_DIFERENCIA_DE_LARGO = 0.16  # 1 − 85/100, con margen para el redondeo de fuzz.ratio


def _lineas(texto: str) -> list[str]:
    if "\r" in texto:  # una búsqueda de un carácter; replace("\r\n") busca dos aunque no haya ninguno
        texto = texto.replace("\r\n", "\n").replace("\r", "\n")
    for invisible, reemplazo in _INVISIBLES:
        if invisible in texto:
            texto = texto.replace(invisible, reemplazo)
    lineas: list[str] = []
    for linea in texto.split("\n"):
        if "  " in linea:
            linea = _ESPACIOS_DOBLES.sub(" ", linea)
        linea = linea.strip()
        pegada = _ETIQUETA_PEGADA.match(linea) if linea[:1] in _INICIALES_ETIQUETA else None
        if pegada:
            lineas.extend([pegada.group(1), linea[pegada.end() :].strip()])
        else:
            lineas.append(linea)
    return lineas


def _es_pie_de_foto(linea: str) -> bool:
    return len(linea) <= _PIE_MAXIMO and not linea.rstrip().endswith((".", ":", ";", ","))


def _cabecera(lineas: list[str]) -> tuple[int, dict[str, bool]]:
    """Índice de la primera línea del cuerpo (tras la fecha y la línea numerada) o -1, y si cada una de las
    primeras LINEAS_CABECERA líneas no vacías es de fecha o numerada (para no volver a mirarlas en la salida)."""
    fin = -1
    marcadas: dict[str, bool] = {}
    vistas = 0
    for i, linea in enumerate(lineas):
        if not linea:
            continue
        vistas += 1
        if vistas > LINEAS_CABECERA:
            break
        marcada = marcadas[linea] = _es_fecha_o_numerada(linea)
        if marcada:
            fin = i + 1
    return fin, marcadas


def _es_fecha_o_numerada(linea: str) -> bool:
    # Sin ese inicio, marcas(linea) es (None, None, None): ni buscar en su caché.
    if linea[:2] in INICIOS_DE_CABECERA or linea[:1].isdecimal():
        numerada, _, fecha = marcas(linea)
        return bool(fecha or numerada)
    return False


def limpiar(texto: str, titulo: str | None = None) -> NotaLimpia:
    """Texto limpio, título y cuerpo (lo que sigue al encabezado) de una nota."""
    lineas = _lineas(texto or "")
    no_vacias = [linea for linea in lineas if linea]
    titulo_limpio = " ".join((titulo or "").split()) or (no_vacias[0] if no_vacias else "")
    clave_titulo = normalizar(titulo_limpio)

    # Una vez por línea: el conteo y el recorrido las comparten. Por la caché de `normalizar` (y no todas de una
    # vez): tipo_evento normaliza después las oraciones, y muchas son estas mismas líneas.
    claves = list(map(normalizar, no_vacias))
    conteo = Counter(claves)
    siguiente_clave = iter(claves).__next__
    fin_cabecera, marcadas = _cabecera(lineas)
    salida: list[str] = []
    vistos: set[str] = set()
    titulo_visto = False
    # El fin de la cabecera en la salida (para el cuerpo) se calcula al agregar sus primeras LINEAS_CABECERA
    # líneas no vacías, con lo que `_cabecera` ya sabe de ellas: no se recorre la salida otra vez.
    fin_en_salida = -1
    por_mirar = LINEAS_CABECERA
    for i, linea in enumerate(lineas):
        if not linea:
            if salida and salida[-1]:
                salida.append("")
            continue
        clave = siguiente_clave()
        if linea[:2] in _INICIOS_COLOFON and _COLOFON.match(linea):
            continue
        if clave == clave_titulo:
            if titulo_visto:
                continue  # el título repetido como pie de foto
            titulo_visto = True
        elif conteo[clave] >= 2 and _es_pie_de_foto(linea) and not linea_etiqueta(linea):
            continue  # pie de foto corto repetido ("Braga" ×4)
        elif (
            i < fin_cabecera
            # fuzz.ratio = 100·(1 − indel/suma de largos) con indel ≥ la diferencia de largos: si esta pasa de
            # _DIFERENCIA_DE_LARGO de la suma, no llega a _SIMILITUD_TITULO y no se calcula.
            and abs(len(clave) - len(clave_titulo)) <= _DIFERENCIA_DE_LARGO * (len(clave) + len(clave_titulo))
            and _es_pie_de_foto(linea)
            and fuzz.ratio(clave, clave_titulo) >= _SIMILITUD_TITULO
        ):
            continue  # variante del título como pie de foto, antes del encabezado
        elif len(clave) >= _PARRAFO_MINIMO and clave in vistos:
            continue  # párrafo impreso dos veces
        vistos.add(clave)
        salida.append(linea)
        if por_mirar:
            por_mirar -= 1
            # Una línea que no estaba entre las primeras de la entrada solo llega aquí si se quitaron algunas.
            marcada = marcadas.get(linea)
            if marcada or (marcada is None and _es_fecha_o_numerada(linea)):
                fin_en_salida = len(salida)
    while salida and not salida[-1]:
        salida.pop()

    texto_limpio = "\n".join(salida)
    return NotaLimpia(
        titulo=titulo_limpio, texto=texto_limpio, cuerpo=_cuerpo(salida, fin_en_salida, clave_titulo, texto_limpio)
    )


def _cuerpo(lineas: list[str], inicio: int, clave_titulo: str, texto: str) -> str:
    """Lo que sigue al encabezado (`lineas[inicio:]`); sin él (-1), lo que sigue al título y las etiquetas."""
    if inicio < 0:
        inicio = 0
        for i, linea in enumerate(lineas):
            if not linea or linea_etiqueta(linea) or normalizar(linea) == clave_titulo:
                inicio = i + 1
                continue
            break
    while inicio < len(lineas) and not lineas[inicio]:
        inicio += 1
    return "\n".join(lineas[inicio:]) if inicio else texto
