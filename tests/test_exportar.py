"""Descargas: CSV con tildes legibles en Excel, sin fórmulas ejecutables; Excel y Parquet fieles."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest

from consultas.exportar import a_csv, a_excel, a_parquet

PELIGROSOS = ["=1+1", "+51 999", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd", "  =HYPERLINK(\"http://x\")"]


def marco() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "evento_id": [1, 2, 3],
            "titulo": ["Reunión en Áncash con la OIM", "=HYPERLINK(\"http://malo\",\"clic\")", None],
            "fecha": pd.to_datetime(["2023-11-05", None, "2024-01-15"]),
            "eventos": pd.array([3, -2, 0], dtype="int64"),
        }
    )


def test_csv_utf8_con_bom_y_tildes():
    datos = a_csv(marco())
    assert datos.startswith(b"\xef\xbb\xbf")
    texto = datos.decode("utf-8-sig")
    assert "Reunión en Áncash" in texto
    filas = list(csv.reader(io.StringIO(texto, newline="")))
    assert filas[0] == ["evento_id", "titulo", "fecha", "eventos"]
    assert len(filas) == 4
    assert filas[1][2] == "2023-11-05"
    assert filas[2][3] == "-2"  # los números negativos siguen siendo números


@pytest.mark.parametrize("valor", PELIGROSOS)
def test_csv_neutraliza_formulas(valor):
    texto = a_csv(pd.DataFrame({"titulo": [valor]})).decode("utf-8-sig")
    celda = list(csv.reader(io.StringIO(texto, newline="")))[1][0]
    assert celda == "'" + valor


def test_csv_saltos_de_linea_dentro_de_una_celda_no_parten_la_fila():
    df = pd.DataFrame({"titulo": ["uno\rdos", "tres\ncuatro", "cinco"], "n": [1, 2, 3]})
    texto = a_csv(df).decode("utf-8-sig")
    filas = list(csv.reader(io.StringIO(texto, newline="")))
    assert [f[0] for f in filas[1:]] == ["uno\rdos", "tres\ncuatro", "cinco"]
    assert pd.read_csv(io.BytesIO(a_csv(df)), encoding="utf-8-sig")["n"].tolist() == [1, 2, 3]


@pytest.mark.parametrize("valor", PELIGROSOS)
def test_excel_guarda_texto_no_formulas(valor):
    libro = openpyxl.load_workbook(io.BytesIO(a_excel(pd.DataFrame({"titulo": [valor, "normal"]}))))
    hoja = libro.active
    celda = hoja.cell(row=2, column=1)
    assert celda.data_type == "s"
    # XML normaliza el retorno de carro a salto de línea al leer; lo que importa es el apóstrofo.
    assert celda.value == "'" + valor.replace("\r", "\n")
    assert hoja.cell(row=3, column=1).value == "normal"


def test_excel_conserva_tipos_y_tildes():
    libro = openpyxl.load_workbook(io.BytesIO(a_excel(marco())))
    filas = list(libro.active.iter_rows(values_only=True))
    assert filas[0] == ("evento_id", "titulo", "fecha", "eventos")
    assert filas[1][0] == 1 and filas[1][1] == "Reunión en Áncash con la OIM"
    assert filas[1][2].date().isoformat() == "2023-11-05"
    assert filas[2][2] is None and filas[2][3] == -2
    assert filas[2][1].startswith("'=")
    assert filas[3][1] is None
    assert all(c.data_type != "f" for fila in libro.active.iter_rows() for c in fila)


def test_excel_tolera_caracteres_de_control():
    libro = openpyxl.load_workbook(io.BytesIO(a_excel(pd.DataFrame({"t": ["a\x00b\x1bc"]}))))
    assert libro.active.cell(row=2, column=1).value == "abc"


def test_parquet_ida_y_vuelta():
    original = marco()
    leido = pd.read_parquet(io.BytesIO(a_parquet(original)))
    pd.testing.assert_frame_equal(leido, original, check_dtype=False)
    assert leido["titulo"].iloc[1].startswith("=")  # Parquet no es una planilla: el dato queda intacto


def test_marco_vacio_se_exporta_con_encabezados():
    vacio = marco().iloc[0:0]
    assert a_csv(vacio).decode("utf-8-sig").strip() == "evento_id,titulo,fecha,eventos"
    libro = openpyxl.load_workbook(io.BytesIO(a_excel(vacio)))
    assert list(libro.active.iter_rows(values_only=True)) == [("evento_id", "titulo", "fecha", "eventos")]
    assert len(pd.read_parquet(io.BytesIO(a_parquet(vacio)))) == 0
