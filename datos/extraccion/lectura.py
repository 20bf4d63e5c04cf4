"""Archivos y carpetas → NotaCruda | Rechazo (txt, html, jsonl, csv).

Nunca lanza excepciones por una entrada mala: cada problema se devuelve como un
`Rechazo` con un motivo en español para el analista y el resto del lote sigue.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from datos.extraccion.catalogos import normalizar
from datos.extraccion.modelos import NotaCruda, Rechazo

LIMITE_POR_DEFECTO = 20 * 1024 * 1024  # bytes; ARTICULA_LIMITE_MB lo cambia
EXTENSIONES = {".txt": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".csv": "csv"}
FUENTES = "fuentes.csv"
_FIRMAS_BINARIAS = {
    b"%PDF": "un PDF",
    b"PK\x03\x04": "un archivo comprimido (ZIP, DOCX o XLSX)",
    b"\x89PNG": "una imagen PNG",
    b"\xff\xd8\xff": "una imagen JPEG",
    b"GIF8": "una imagen GIF",
    b"\xd0\xcf\x11\xe0": "un documento de Office antiguo (DOC o XLS)",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

Resultado = NotaCruda | Rechazo


def limite_bytes() -> int:
    """Tamaño máximo de archivo (ARTICULA_LIMITE_MB, por defecto 20 MB)."""
    valor = os.environ.get("ARTICULA_LIMITE_MB", "")
    try:
        return int(float(valor) * 1024 * 1024) if valor else LIMITE_POR_DEFECTO
    except ValueError:
        return LIMITE_POR_DEFECTO


def leer(rutas: Iterable[str | Path], limite: int | None = None) -> Iterator[Resultado]:
    """Recorre archivos y carpetas (recursivo, orden alfabético) y produce notas o rechazos."""
    maximo = limite if limite is not None else limite_bytes()
    for item in archivos(rutas):
        if isinstance(item, Rechazo):
            yield item
            continue
        try:
            yield from leer_archivo(item, maximo)
        except OSError as error:
            yield Rechazo(item, "No se pudo acceder a la ruta", str(error))


def archivos(rutas: Iterable[str | Path] | str | Path) -> Iterator[str | Rechazo]:
    """Los archivos que `leer` leería, en su orden, y los rechazos del recorrido (sin leer nada).

    La construcción lo usa para repartir la lectura entre trabajadores con los mismos rechazos.
    """
    if isinstance(rutas, (str, Path)):
        rutas = [rutas]
    for ruta in rutas:
        camino = Path(ruta)
        try:
            if camino.is_dir():
                yield from _recorrer(str(ruta), set())
            elif camino.exists() or camino.is_symlink():
                yield str(ruta)
            else:
                yield Rechazo(str(ruta), "El archivo o carpeta no existe")
        except OSError as error:
            yield Rechazo(str(ruta), "No se pudo acceder a la ruta", str(error))


def _recorrer(carpeta: str, visitadas: set[str]) -> Iterator[str | Rechazo]:
    real = os.path.realpath(carpeta)
    if real in visitadas:
        yield Rechazo(
            carpeta,
            "Carpeta omitida: un enlace simbólico lleva a una carpeta ya recorrida (evita un ciclo)",
            f"apunta a {real}",
        )
        return
    visitadas.add(real)
    try:
        entradas = sorted(os.scandir(carpeta), key=lambda e: e.name)
    except OSError as error:
        yield Rechazo(carpeta, "No se pudo abrir la carpeta (permiso denegado o ruta inválida)", str(error))
        return
    for entrada in entradas:
        if entrada.name.startswith("."):
            continue  # archivos ocultos del sistema (.DS_Store, .git ...)
        ruta = os.path.join(carpeta, entrada.name)
        try:
            es_carpeta = entrada.is_dir()
        except OSError:
            es_carpeta = False
        if es_carpeta:
            yield from _recorrer(ruta, visitadas)
        else:
            yield ruta


def leer_archivo(ruta: str, limite: int | None = None) -> Iterator[Resultado]:
    """Lee un archivo; produce una nota, varias (jsonl/csv) o rechazos."""
    maximo = limite if limite is not None else limite_bytes()
    camino = Path(ruta)
    if camino.name.lower() == FUENTES:
        return  # direcciones de las notas de la carpeta, no es una nota
    formato = EXTENSIONES.get(camino.suffix.lower())
    if formato is None:
        extension = camino.suffix or "(sin extensión)"
        yield Rechazo(ruta, "Extensión no soportada", f"{extension}; se aceptan .txt, .html, .htm, .jsonl y .csv")
        return
    try:
        estado = camino.stat()
    except OSError as error:
        yield Rechazo(ruta, "No se pudo leer el archivo (no existe o no hay permiso)", str(error))
        return
    if not stat.S_ISREG(estado.st_mode):  # una FIFO o un dispositivo colgaría la lectura
        yield Rechazo(ruta, "No es un archivo común (tubería, dispositivo o socket): no se puede leer como nota")
        return
    tamano = estado.st_size
    if tamano > maximo:
        yield Rechazo(
            ruta,
            "Archivo demasiado grande",
            f"{tamano / 1048576:.1f} MB; el máximo es {maximo / 1048576:.1f} MB",
        )
        return
    try:
        with camino.open("rb") as f:
            datos = f.read(maximo + 1)
    except PermissionError as error:
        yield Rechazo(ruta, "No se pudo leer el archivo: permiso denegado", str(error))
        return
    except OSError as error:
        yield Rechazo(ruta, "No se pudo leer el archivo", str(error))
        return
    if len(datos) > maximo:  # creció mientras se leía
        yield Rechazo(ruta, "Archivo demasiado grande", f"más de {maximo / 1048576:.1f} MB")
        return
    texto, problema = decodificar(datos)
    if problema:
        yield Rechazo(ruta, problema)
        return
    if not texto.strip():
        yield Rechazo(ruta, "El archivo solo contiene espacios en blanco")
        return
    try:
        if formato == "txt":
            url = _url_de(ruta)
            yield NotaCruda(archivo=ruta, texto=texto, formato="txt", url=url, sintetica=es_sintetica(texto, url))
        elif formato == "html":
            yield _leer_html(ruta, texto)
        elif formato == "jsonl":
            yield from _leer_jsonl(ruta, texto)
        else:
            yield from _leer_csv(ruta, texto)
    except Exception as error:  # noqa: BLE001 - una entrada rara nunca detiene el lote
        yield Rechazo(ruta, "Error inesperado al interpretar el archivo", f"{type(error).__name__}: {error}")


def decodificar(datos: bytes) -> tuple[str, str | None]:
    """(texto, None) o ("", motivo). UTF-8 (con o sin BOM), UTF-16 con BOM, si no Windows-1252."""
    if not datos:
        return "", "Archivo vacío"
    for bom, codificacion in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if datos.startswith(bom):
            try:
                return _revisar(datos.decode(codificacion))
            except UnicodeDecodeError:
                return "", "Archivo binario o con codificación dañada"
    for firma, descripcion in _FIRMAS_BINARIAS.items():
        if datos.startswith(firma):
            return "", f"Archivo binario: es {descripcion}, no texto"
    if b"\x00" in datos:
        utf16 = _utf16_sin_bom(datos)
        if utf16 is not None:
            return _revisar(utf16)
        return "", "Archivo binario: no es texto"
    try:
        return _revisar(datos.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        return _revisar(datos.decode("cp1252"))
    except UnicodeDecodeError:
        return _revisar(datos.decode("latin-1"))


def _utf16_sin_bom(datos: bytes) -> str | None:
    """UTF-16 sin BOM: casi todos los bytes de una paridad son NUL (texto latino)."""
    pares, impares = datos[0::2], datos[1::2]
    for nulos, codificacion in ((impares, "utf-16-le"), (pares, "utf-16-be")):
        if nulos and nulos.count(0) / len(nulos) > 0.9:
            try:
                return datos.decode(codificacion)
            except UnicodeDecodeError:
                return None
    return None


def _revisar(texto: str) -> tuple[str, str | None]:
    if not texto:
        return "", "Archivo vacío"
    muestra = texto[:20000]
    if len(_CONTROL.findall(muestra)) > max(2, len(muestra) // 20):
        return "", "Archivo binario: no es texto"
    return texto.replace("\x00", ""), None


# --- fuentes.csv --------------------------------------------------------------


def _url_de(ruta: str) -> str | None:
    carpeta = os.path.dirname(os.path.abspath(ruta))
    try:
        return _fuentes(carpeta).get(os.path.basename(ruta))
    except Exception:  # noqa: BLE001 - un fuentes.csv roto no impide leer la nota
        return None


@lru_cache(maxsize=256)
def _fuentes(carpeta: str) -> dict[str, str]:
    camino = Path(carpeta) / FUENTES
    if not camino.is_file():
        return {}
    texto, problema = decodificar(camino.read_bytes())
    if problema:
        return {}
    direcciones = {}
    for fila in csv.DictReader(io.StringIO(texto)):
        archivo = (fila.get("archivo") or "").strip()
        url = (fila.get("url") or "").strip()
        if archivo and url:
            direcciones[archivo] = url
    return direcciones


# --- HTML ---------------------------------------------------------------------

_IGNORADAS = {"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "aside", "form", "iframe"}
_BLOQUES = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
    "article", "header", "main", "blockquote", "figure", "figcaption", "hr", "pre", "dd", "dt", "time",
}  # fmt: skip
_VACIAS = {"br", "hr", "img", "meta", "link", "input", "source", "area", "base", "col", "embed", "wbr"}
_SUFIJO_TITULO = re.compile(r"\s+(?:[-|–]\s+(?:Noticias|Gobierno del Perú|Plataforma del Estado Peruano|gob\.pe)\b.*)$")


class _ExtractorHTML(HTMLParser):
    """Texto visible con saltos de línea en los bloques; título y dirección canónica."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.partes: list[str] = []
        self.partes_main: list[str] = []
        self.ignorar = 0
        self.en_main = 0
        self.en_titulo = False
        self.titulo = ""
        self.og_titulo = ""
        self.h1 = ""
        self.en_h1 = False
        self.canonica = ""
        self.og_url = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            propiedad = (a.get("property") or a.get("name") or "").lower()
            if propiedad == "og:title" and not self.og_titulo:
                self.og_titulo = a.get("content", "").strip()
            elif propiedad == "og:url" and not self.og_url:
                self.og_url = a.get("content", "").strip()
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonica = self.canonica or a.get("href", "").strip()
        elif tag == "title":
            self.en_titulo = True
        if tag in _VACIAS:
            if tag in _BLOQUES:
                self._agregar("\n")
            return
        if tag in _IGNORADAS:
            self.ignorar += 1
        elif tag == "main":
            self.en_main += 1
        elif tag == "h1":
            self.en_h1 = True
        if tag in _BLOQUES:
            self._agregar("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VACIAS:
            return
        if tag in _IGNORADAS:
            self.ignorar = max(0, self.ignorar - 1)
        elif tag == "main":
            self.en_main = max(0, self.en_main - 1)
        elif tag == "title":
            self.en_titulo = False
        elif tag == "h1":
            self.en_h1 = False
        if tag in _BLOQUES:
            self._agregar("\n")

    def handle_data(self, data: str) -> None:
        if self.en_titulo:
            self.titulo += data
            return
        if self.ignorar:
            return
        if self.en_h1 and not self.h1:
            self.h1 = " ".join(data.split())
        self._agregar(data)

    def _agregar(self, trozo: str) -> None:
        if self.ignorar and trozo != "\n":
            return
        self.partes.append(trozo)
        if self.en_main:
            self.partes_main.append(trozo)


def texto_de_html(html: str) -> tuple[str, str | None, str | None]:
    """(texto visible, título, url canónica) de una página HTML."""
    lector = _ExtractorHTML()
    lector.feed(html)
    lector.close()
    partes = lector.partes_main if "".join(lector.partes_main).strip() else lector.partes
    lineas = [" ".join(linea.split()) for linea in "".join(partes).splitlines()]
    texto = re.sub(r"\n{3,}", "\n\n", "\n".join(lineas)).strip()
    titulo = lector.og_titulo or _SUFIJO_TITULO.sub("", " ".join(lector.titulo.split())) or lector.h1
    url = lector.canonica or lector.og_url
    return texto, (titulo or None), (url or None)


def _leer_html(ruta: str, html: str) -> Resultado:
    texto, titulo, url = texto_de_html(html)
    if not texto.strip():
        return Rechazo(ruta, "La página HTML no tiene texto visible")
    return NotaCruda(archivo=ruta, texto=texto, formato="html", titulo=titulo, url=url or _url_de(ruta))


# --- Exportaciones JSONL y CSV ----------------------------------------------------


def _texto_campo(valor: object) -> str | None:
    if valor is None:
        return None
    texto = valor if isinstance(valor, str) else str(valor)
    return texto.strip() or None


MARCA_SINTETICA = "[NOTA SINTÉTICA — benchmark Articula]"  # última línea de las notas de benchmarks/sintetico.py
PREFIJO_URL_SINTETICA = "sintetico://"


def es_sintetica(texto: str, url: str | None) -> bool:
    """Nota del generador de benchmarks: url `sintetico://` o la marca en su última línea."""
    return bool(url and url.startswith(PREFIJO_URL_SINTETICA)) or MARCA_SINTETICA in texto[-200:]


def _sintetica(valor: object) -> bool:
    if isinstance(valor, bool):
        return valor
    return normalizar(str(valor or "")) in {"true", "1", "si", "verdadero", "yes"}


def _registro(archivo: str, formato: str, fila: dict) -> Resultado:
    texto = _texto_campo(fila.get("texto"))
    if texto is None:
        return Rechazo(archivo, "Registro sin texto: el campo «texto» falta o está vacío")
    return NotaCruda(
        archivo=archivo,
        texto=texto,
        formato=formato,
        titulo=_texto_campo(fila.get("titulo")),
        url=_texto_campo(fila.get("url")),
        fecha=_texto_campo(fila.get("fecha")),
        sintetica=_sintetica(fila.get("sintetica")) or es_sintetica(texto, _texto_campo(fila.get("url"))),
    )


def _clave_columna(nombre: object) -> str:
    return normalizar(str(nombre or "")).replace(" ", "_")


def _leer_jsonl(ruta: str, texto: str) -> Iterator[Resultado]:
    for numero, linea in enumerate(texto.splitlines(), start=1):
        if not linea.strip():
            continue
        donde = f"{ruta}#línea {numero}"
        try:
            fila = json.loads(linea)
        except (json.JSONDecodeError, RecursionError) as error:
            yield Rechazo(donde, "Línea JSON inválida", str(error)[:200])
            continue
        if not isinstance(fila, dict):
            yield Rechazo(donde, "Línea JSON inválida: se esperaba un objeto con titulo, fecha, texto y url")
            continue
        yield _registro(donde, "jsonl", {_clave_columna(k): v for k, v in fila.items()})


def _dialecto(muestra: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        dialecto = csv.Sniffer().sniff(muestra, delimiters=",;\t|")
    except csv.Error:
        return csv.excel
    # La cabecera no trae comillas, así que el sniffer no puede saber que se duplican ("" = ");
    # Excel, pandas y RFC 4180 las duplican: sin esto un texto con comillas se parte en filas rotas.
    dialecto.doublequote = True
    return dialecto


def _leer_csv(ruta: str, texto: str) -> Iterator[Resultado]:
    csv.field_size_limit(max(csv.field_size_limit(), LIMITE_POR_DEFECTO * 4))
    primera = texto.split("\n", 1)[0]
    lector = csv.reader(io.StringIO(texto, newline=""), _dialecto(primera))
    try:
        cabecera = [_clave_columna(c) for c in next(lector)]
    except (StopIteration, csv.Error) as error:
        yield Rechazo(ruta, "CSV sin cabecera legible", str(error))
        return
    if "texto" not in cabecera:
        faltan = [c for c in ("titulo", "fecha", "texto", "url") if c not in cabecera]
        yield Rechazo(
            ruta,
            "Falta la columna «texto» en el CSV",
            f"columnas halladas: {', '.join(cabecera) or '(ninguna)'}; faltan: {', '.join(faltan)}",
        )
        return
    inicio = lector.line_num + 1
    while True:
        try:
            valores = next(lector)
        except StopIteration:
            return
        except csv.Error as error:
            yield Rechazo(f"{ruta}#línea {inicio}", "Fila CSV ilegible", str(error))
            return
        donde = f"{ruta}#línea {inicio}"
        inicio = lector.line_num + 1
        if not any(v.strip() for v in valores):
            continue
        yield _registro(donde, "csv", dict(zip(cabecera, valores, strict=False)))
