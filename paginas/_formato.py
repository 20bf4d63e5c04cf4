"""Formato peruano para lo que lee el usuario: fechas en palabras, meses en español, miles con coma.

No depende del locale del sistema ni del navegador: el servidor puede no tener es_PE instalado.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd

MESES = (
    "enero", "febrero", "marzo", "abril", "mayo", "junio",
    "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
)
MESES_CORTOS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "set", "oct", "nov", "dic")

TIPOS_ORGANIZACION = {
    "internacional": "Organismo internacional",
    "gobierno_nacional": "Gobierno nacional",
    "gobierno_regional": "Gobierno regional",
    "gobierno_local": "Gobierno local",
    "policia_fuerzas_armadas": "Policía y Fuerzas Armadas",
    "academia": "Academia",
    "sociedad_civil": "Sociedad civil",
    "privado": "Sector privado",
    "gobierno_extranjero": "Gobierno extranjero",
}
TIPOS_OFICINA = {
    "sede_central": "Sede central",
    "oficina_desconcentrada": "Oficina desconcentrada",
    "mision_exterior": "Misión en el exterior",
}
CAMPOS = {
    "fecha_publicacion": "Fecha de publicación",
    "fecha_evento": "Fecha del evento",
    "fecha": "Fecha",
    "oficina": "Oficina",
    "tipo_oficina": "Tipo de oficina",
    "region": "Región",
    "pais": "País",
    "tipo_evento": "Tipo de evento",
    "organizacion": "Organización",
    "tema": "Tema",
    "espacio": "Espacio de coordinación",
}


def _como_fecha(valor: Any) -> dt.date | None:
    """Acepta date, datetime, Timestamp de pandas o texto ISO; None/NaT/vacío dan None."""
    try:
        if valor is None or pd.isna(valor):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(valor, "to_pydatetime"):
        try:
            valor = valor.to_pydatetime()
        except (ValueError, TypeError):
            return None
    if isinstance(valor, dt.datetime):
        return valor.date()
    if isinstance(valor, dt.date):
        return valor
    if isinstance(valor, str) and valor:
        try:
            return dt.date.fromisoformat(valor[:10])
        except ValueError:
            return None
    return None


def fecha_larga(valor: Any, sin_fecha: str = "sin fecha") -> str:
    """'21 de diciembre de 2023'."""
    f = _como_fecha(valor)
    if f is None:
        return sin_fecha
    return f"{f.day} de {MESES[f.month - 1]} de {f.year}"


def fecha_corta(valor: Any, sin_fecha: str = "sin fecha") -> str:
    """'21 dic 2023' para tablas y etiquetas estrechas."""
    f = _como_fecha(valor)
    if f is None:
        return sin_fecha
    return f"{f.day} {MESES_CORTOS[f.month - 1]} {f.year}"


def etiqueta_periodo(valor: Any, granularidad: str = "mes") -> str:
    """Etiqueta de un periodo según su granularidad: 'diciembre 2023', 'semana del 4 dic 2023', '2023'."""
    f = _como_fecha(valor)
    if f is None:
        return "sin fecha"
    if granularidad == "anio":
        return str(f.year)
    if granularidad == "semana":
        return f"semana del {fecha_corta(f)}"
    return f"{MESES[f.month - 1]} {f.year}"


def etiqueta_eje(valor: Any, granularidad: str = "mes") -> str:
    """Etiqueta corta para ejes de tiempo: 'dic 2023', '4 dic 2023', '2023'."""
    f = _como_fecha(valor)
    if f is None:
        return ""
    if granularidad == "anio":
        return str(f.year)
    if granularidad == "semana":
        return fecha_corta(f)
    return f"{MESES_CORTOS[f.month - 1]} {f.year}"


def numero(valor: Any, decimales: int = 0) -> str:
    """12,345 y 1,234.5 (separador de miles coma, decimal punto, como se usa en el Perú)."""
    if valor is None:
        return "—"
    try:
        x = float(valor)
    except (TypeError, ValueError):
        return str(valor)
    if math.isnan(x):
        return "—"
    if decimales == 0:
        return f"{round(x):,}"
    return f"{x:,.{decimales}f}"


def porcentaje(valor: float | None, decimales: int = 0) -> str:
    """'+12 %' para variaciones (valor en fracción: 0.12)."""
    if valor is None or (isinstance(valor, float) and math.isnan(valor)):
        return "—"
    signo = "+" if valor > 0 else ""
    return f"{signo}{numero(valor * 100, decimales)} %"


def plural(n: int, singular: str, plural_: str | None = None) -> str:
    """'1 evento', '12,345 eventos'."""
    palabra = singular if n == 1 else (plural_ or singular + "s")
    return f"{numero(n)} {palabra}"


def tipo_organizacion(valor: Any) -> str:
    """Etiqueta legible de un tipo de organización ('gobierno_regional' → 'Gobierno regional')."""
    if valor is None or (isinstance(valor, float) and math.isnan(valor)) or valor == "":
        return "Sin tipo"
    return TIPOS_ORGANIZACION.get(str(valor), str(valor).replace("_", " ").capitalize())


def tipo_oficina(valor: Any) -> str:
    """Etiqueta legible de un tipo de oficina."""
    if valor is None or (isinstance(valor, float) and math.isnan(valor)) or valor == "":
        return "Sin tipo"
    return TIPOS_OFICINA.get(str(valor), str(valor).replace("_", " ").capitalize())


def escapar_markdown(texto: Any) -> str:
    """Neutraliza Markdown/HTML para mostrar texto de datos en st.markdown/st.subheader sin interpretarlo."""
    if texto is None:
        return ""
    s = str(texto)
    especiales = "\\`*_{}[]()#+-.!|<>~$:="
    return "".join("\\" + c if c in especiales else c for c in s)


def rango_anios(desde: int | None, hasta: int | None) -> str:
    """'2023', '2021–2022', 'desde 2020', 'hasta 2019' o 'todos los años'."""
    if desde is not None and hasta is not None:
        return str(desde) if desde == hasta else f"{desde}–{hasta}"
    if desde is not None:
        return f"desde {desde}"
    if hasta is not None:
        return f"hasta {hasta}"
    return "todos los años"
