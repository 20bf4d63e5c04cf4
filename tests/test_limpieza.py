"""Limpieza de artefactos del raspado de gob.pe."""

from __future__ import annotations

from datos.extraccion.limpieza import limpiar

TITULO = "Cancillería Tumbes lidera segunda reunión multisectorial"
PARRAFO = "El pasado 3 de diciembre, en la sede de la Cancillería Tumbes, se realizó la segunda reunión ordinaria."


def test_titulo_repetido_como_pie_de_foto() -> None:
    texto = f"{TITULO}\n\nNota Informativa\nSubtítulo de la nota.\n" + f"{TITULO}\n" * 5
    texto += f"\n10 de diciembre de 2025 - 1:36 p. m.\n\nNota Informativa 1583-25\n\n{PARRAFO}\n"
    limpia = limpiar(texto)
    assert limpia.titulo == TITULO
    assert limpia.texto.count(TITULO) == 1
    assert limpia.cuerpo == PARRAFO


def test_pies_de_foto_cortos_repetidos() -> None:
    texto = "Embajador visita Braga\nNota Informativa\nSubtítulo.\nBraga\nBraga\nBraga\nBraga\n"
    texto += "12 de junio de 2024 - 10:38 a. m.\nNota Informativa 729 - 24\nEl Embajador visitó Braga."
    limpia = limpiar(texto)
    assert "\nBraga\n" not in limpia.texto
    assert limpia.cuerpo == "El Embajador visitó Braga."


def test_parrafo_impreso_dos_veces_queda_una_vez() -> None:
    otro = "Durante el encuentro se presentaron las líneas de trabajo de la Mesa."
    limpia = limpiar(f"Título\n{PARRAFO}\n{otro}\n{PARRAFO}\n")
    assert limpia.cuerpo.split("\n") == [PARRAFO, otro]


def test_etiqueta_pegada_al_subtitulo_se_separa() -> None:
    texto = "Cancillería Trujillo destaca\nNota InformativaLa Oficina Desconcentrada participó del conversatorio."
    limpia = limpiar(texto)
    assert "Nota Informativa\nLa Oficina Desconcentrada participó" in limpia.texto


def test_colofon_del_compendio_se_quita() -> None:
    texto = f"Título\n{PARRAFO}\n\nEsta noticia pertenece al compendio Mesa de Trabajo Intersectorial"
    limpia = limpiar(texto)
    assert "compendio" not in limpia.texto
    assert limpia.cuerpo == PARRAFO


def test_nota_cortada_a_media_palabra() -> None:
    texto = "Título\n17 de julio de 2023\nNota de Prensa 095-23\nEs una muestra del compromiso con el desar"
    limpia = limpiar(texto)
    assert limpia.cuerpo.endswith("con el desar")


def test_titulo_dado_aparte_y_sin_encabezado() -> None:
    limpia = limpiar(f"{PARRAFO}\nSegundo párrafo de la nota.", titulo="Un título de exportación")
    assert limpia.titulo == "Un título de exportación"
    assert limpia.cuerpo.startswith(PARRAFO)


def test_texto_vacio() -> None:
    limpia = limpiar("")
    assert (limpia.titulo, limpia.texto, limpia.cuerpo) == ("", "", "")


def test_colofon_con_otras_grafias_se_quita() -> None:
    for colofon in ("ESTA NOTICIA PERTENECE AL COMPENDIO Mesa", "compendio: Mesa de Trabajo"):
        assert limpiar(f"Título\n{PARRAFO}\n{colofon}").cuerpo == PARRAFO


def test_variante_del_titulo_como_pie_antes_del_encabezado_se_quita() -> None:
    variante = "Cancilleria Tumbes lidera la segunda reunion multisectorial"
    texto = f"{TITULO}\n{variante}\n10 de diciembre de 2025 - 1:36 p. m.\nNota Informativa 1583-25\n{PARRAFO}"
    limpia = limpiar(texto)
    assert variante not in limpia.texto
    assert limpia.cuerpo == PARRAFO
