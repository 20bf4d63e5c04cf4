"""Descargas: CSV (se abre bien en Excel), Excel y Parquet, sin fórmulas ejecutables.

Un texto de una nota que empieza con `=`, `+`, `-`, `@`, tabulador o retorno
de carro sería una fórmula al abrirse en Excel o LibreOffice; se le antepone
un apóstrofo para que quede como texto.
"""

from __future__ import annotations

import datetime as dt
import io
import math

import pandas as pd

_INICIOS_PELIGROSOS = ("=", "+", "-", "@", "\t", "\r")
MAX_FILAS_EXCEL = 1_048_575  # una fila de Excel se usa para los títulos


def neutralizar(valor: object) -> object:
    """El mismo valor, o con `'` delante si es un texto que una planilla ejecutaría."""
    if isinstance(valor, str) and valor.lstrip(" ").startswith(_INICIOS_PELIGROSOS):
        return "'" + valor
    return valor


def _texto_neutralizado(df: pd.DataFrame) -> pd.DataFrame:
    salida = df.copy()
    salida.columns = [str(neutralizar(str(c))) for c in df.columns]
    for nombre in salida.columns:
        columna = salida[nombre]
        if not (pd.api.types.is_numeric_dtype(columna) or pd.api.types.is_datetime64_any_dtype(columna)):
            salida[nombre] = columna.map(neutralizar, na_action="ignore")
    return salida


def a_csv(df: pd.DataFrame) -> bytes:
    """CSV UTF-8 con BOM (Excel reconoce las tildes), coma, fin de línea CRLF (RFC 4180), sin índice."""
    return _texto_neutralizado(df).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _celda(valor: object) -> object:
    """Valor apto para openpyxl: nulos vacíos, fechas como fechas, el resto tal cual."""
    if valor is None or valor is pd.NaT:
        return None
    if isinstance(valor, float) and math.isnan(valor):
        return None
    if isinstance(valor, pd.Timestamp):
        return valor.to_pydatetime().replace(tzinfo=None)
    if isinstance(valor, (dt.date, dt.datetime, int, float, bool)):
        return valor
    if hasattr(valor, "item"):  # escalares de numpy
        return valor.item()
    try:
        if pd.isna(valor):
            return None
    except (TypeError, ValueError):
        pass
    return str(valor)


def a_excel(df: pd.DataFrame, hoja: str = "Datos") -> bytes:
    """XLSX con una hoja; los textos se guardan siempre como texto, nunca como fórmula."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, WriteOnlyCell

    if len(df) > MAX_FILAS_EXCEL:
        raise ValueError(f"Excel admite hasta {MAX_FILAS_EXCEL:,} filas; use CSV o Parquet.".replace(",", " "))
    libro = Workbook(write_only=True)
    hoja_xl = libro.create_sheet(title=hoja[:31] or "Datos")

    def celda(valor: object) -> WriteOnlyCell:
        valor = _celda(neutralizar(valor))
        if isinstance(valor, str):
            c = WriteOnlyCell(hoja_xl, value=ILLEGAL_CHARACTERS_RE.sub("", valor))
            c.data_type = "s"  # openpyxl tomaría "=..." como fórmula
            return c
        c = WriteOnlyCell(hoja_xl, value=valor)
        if isinstance(valor, dt.datetime) and valor.time() != dt.time(0):
            c.number_format = "yyyy-mm-dd hh:mm:ss"
        elif isinstance(valor, dt.date):
            c.number_format = "yyyy-mm-dd"
        return c

    hoja_xl.append([celda(str(c)) for c in df.columns])
    for fila in df.itertuples(index=False, name=None):
        hoja_xl.append([celda(v) for v in fila])
    salida = io.BytesIO()
    libro.save(salida)
    return salida.getvalue()


def a_parquet(df: pd.DataFrame) -> bytes:
    """Parquet (pyarrow): tipos intactos, para analistas con Python/R/DuckDB."""
    salida = io.BytesIO()
    df.to_parquet(salida, index=False)
    return salida.getvalue()
