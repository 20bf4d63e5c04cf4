"""Encabezado de gob.pe: tipo, número y fecha de publicación de la nota."""

from __future__ import annotations

import pytest

from datos.extraccion.encabezado import leer


@pytest.mark.parametrize(
    ("texto", "tipo", "numero", "fecha"),
    [
        ("Título\n21 de diciembre de 2023 - 10:21 a. m.\nNota Informativa 1275 – 23\nCuerpo.",
         "Nota Informativa", "1275-23", "2023-12-21"),
        ("Título\n17 de julio de 2023\n\nNota de prensa 095 - 23\n\nCuerpo.", "Nota de Prensa", "095-23", "2023-07-17"),
        ("Título\nNota Informativa\n9 de setiembre de 2019 - 9:10 p. m.\nFotoleyenda 644-19\nCuerpo.",
         "Fotoleyenda", "644-19", "2019-09-09"),
        ("Título\nNota Informativa\n23 de agosto de 2018 - 6:15 p. m.\nfotoleyenda 564-18\nCuerpo.",
         "Fotoleyenda", "564-18", "2018-08-23"),
        ("Título\n\n10 de diciembre de 2025 - 1:36 p. m.\n\nNota Informativa 1583-25\n", "Nota Informativa",
         "1583-25", "2025-12-10"),
        ("Título\nComunicado de Prensa N° 012-2024\n1 de octubre de 2024\nCuerpo.", "Comunicado de Prensa",
         "012-2024", "2024-10-01"),
        ("Título\nNota Informativa\n\n13 de junio de 2018 - 12:00 a. m.\n\nCuerpo.", "Nota Informativa", None,
         "2018-06-13"),
        ("Título\nEl texto no tiene encabezado y habla del 3 de mayo de 2020.", None, None, None),
    ],
)
def test_encabezado(texto: str, tipo: str | None, numero: str | None, fecha: str | None) -> None:
    cabecera = leer(texto)
    assert (cabecera.tipo_nota, cabecera.numero_nota, cabecera.fecha_publicacion) == (tipo, numero, fecha)


def test_evidencia_es_la_linea_de_la_fecha() -> None:
    cabecera = leer("Título\n10 de diciembre de 2025 - 1:36 p. m.\nNota Informativa 1583-25\n")
    assert cabecera.evidencia_fecha == "10 de diciembre de 2025 - 1:36 p. m."


@pytest.mark.parametrize(
    ("declarada", "esperada"),
    [("2024-03-05", "2024-03-05"), ("2024-03-05T10:00:00", "2024-03-05"), ("5 de marzo de 2024", "2024-03-05"),
     ("31 de febrero de 2024", None), ("mañana", None)],
)
def test_fecha_declarada_si_no_hay_fecha_impresa(declarada: str, esperada: str | None) -> None:
    assert leer("Título\nCuerpo sin fecha.", fecha_declarada=declarada).fecha_publicacion == esperada


def test_la_fecha_impresa_gana_a_la_declarada() -> None:
    texto = "Título\n17 de julio de 2023\nNota de Prensa 095-23\nCuerpo."
    assert leer(texto, fecha_declarada="2020-01-01").fecha_publicacion == "2023-07-17"


def test_fecha_imposible_en_el_encabezado_es_nula() -> None:
    assert leer("Título\n31 de febrero de 2024 - 10:00 a. m.\nNota Informativa 1-24\n").fecha_publicacion is None


def test_grafias_de_los_inicios_de_cabecera_son_todas_las_de_re() -> None:
    """INICIOS_DE_CABECERA lista, por letra, todo carácter que re.IGNORECASE iguala (si faltara uno, se saltaría
    una línea de cabecera)."""
    import re
    import sys

    from datos.extraccion.encabezado import INICIOS_DE_CABECERA, _grafias

    todos = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i < 0xE000)
    for letra in "ncfolumaijvsád":  # las de «no», «co», «fo» y los dos primeros caracteres de cada día
        assert sorted(re.findall(f"(?i){letra}", todos)) == sorted(_grafias(letra)), letra
    for linea in ("Nota Informativa 1275 – 23", "comunicado", "FOTOLEYENDA 1-24", "lunes, 3 de mayo de 2021",
                  "Miércoles 5 de mayo de 2021", "ſábado 8 de mayo de 2021", "DOMINGO 9 de mayo de 2021"):
        assert linea[:2] in INICIOS_DE_CABECERA, linea
