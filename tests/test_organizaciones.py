"""Organizaciones: los casos difíciles que un analista revisaría en una nota."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from datos.extraccion import organizaciones


def nombres(texto: str, titulo: str | None = None) -> list[str]:
    return [o.nombre for o in organizaciones.buscar(texto, titulo)]


def por_nombre(texto: str) -> dict:
    return {o.nombre: o for o in organizaciones.buscar(texto)}


def test_lista_coordinada_de_ministerios_deja_fuera_a_relaciones_exteriores():
    texto = (
        "La Mesa está integrada por los Ministerios de Relaciones Exteriores, Trabajo y Promoción del Empleo, "
        "Interior, Educación, Salud (Sistema Integral de Salud), Vivienda (Fondo Mivivienda) y de la Mujer y "
        "Desarrollo Social; así como la Defensoría del Pueblo."
    )
    hallados = nombres(texto)
    esperados = {
        "Ministerio de Trabajo y Promoción del Empleo",
        "Ministerio del Interior",
        "Ministerio de Educación",
        "Ministerio de Salud",
        "Seguro Integral de Salud",
        "Ministerio de Vivienda, Construcción y Saneamiento",
        "Fondo Mivivienda",
        "Ministerio de la Mujer y Poblaciones Vulnerables",
        "Defensoría del Pueblo",
    }
    assert set(hallados) == esperados
    assert len(hallados) == len(set(hallados))


def test_lista_de_direcciones_regionales_con_la_region_del_contexto():
    texto = (
        "La reunión se realizó en Tumbes. La integran las direcciones regionales de Salud, Trabajo, Educación, "
        "Transporte y Vivienda y Turismo; la jefatura zonal de Migraciones, Sunat y la PNP."
    )
    hallados = set(nombres(texto))
    for sector in ("Salud", "Trabajo", "Educación", "Transporte", "Vivienda", "Turismo"):
        assert f"Dirección Regional de {sector} de Tumbes" in hallados
    assert {"Superintendencia Nacional de Migraciones", "Policía Nacional del Perú"} <= hallados
    assert "Superintendencia Nacional de Aduanas y de Administración Tributaria" in hallados


def test_siglas_y_alias_resuelven_al_nombre_canonico_una_sola_vez():
    texto = (
        "Participaron la Organización Internacional para las Migraciones (OIM) y el Acnur. "
        "Más tarde la OIM y el ACNUR presentaron sus resultados."
    )
    orgs = organizaciones.buscar(texto)
    assert [(o.nombre, o.sigla) for o in orgs] == [
        ("Organización Internacional para las Migraciones", "OIM"),
        ("Alto Comisionado de las Naciones Unidas para los Refugiados", "ACNUR"),
    ]
    assert all(o.en_catalogo for o in orgs)
    assert orgs[1].mencion == "Acnur"
    assert orgs[1].evidencia.startswith("Participaron")


def test_siglas_cortas_solo_en_mayusculas():
    assert nombres("El análisis de la crisis sis fue presentado.") == []
    assert nombres("El SIS afilió a los migrantes.") == ["Seguro Integral de Salud"]


def test_migraciones_fenomeno_o_nombre_de_un_espacio_no_es_la_institucion():
    assert nombres("Se habló de las Migraciones en la región.") == []
    assert nombres("Se instaló la “Mesa de Trabajo Intersectorial sobre Migraciones”.") == []
    assert nombres("Participó la jefatura zonal de Migraciones.") == ["Superintendencia Nacional de Migraciones"]
    assert nombres("Cancillería y Migraciones firmaron un convenio.") == ["Superintendencia Nacional de Migraciones"]


def test_el_propio_ministerio_y_sus_unidades_quedan_fuera():
    texto = (
        "La Oficina Desconcentrada del Ministerio de Relaciones Exteriores en Tumbes, la Cancillería, el "
        "Viceministro de Relaciones Exteriores, el Consulado General del Perú en Boston y la Embajada del Perú "
        "en Portugal participaron junto a la Dirección General de Comunidades Peruanas en el Exterior (DGC)."
    )
    assert nombres(texto) == []


def test_colectivos_genericos_quedan_fuera():
    texto = (
        "Participaron las municipalidades, organizaciones humanitarias, autoridades chilenas, los Jefes de "
        "Misión extranjeros y organismos internacionales, así como las universidades de la región."
    )
    assert nombres(texto) == []


def test_nombre_con_sigla_fuera_del_catalogo_y_menciones_posteriores():
    texto = (
        "El Consulado General participó en las actividades organizadas por la Fundación “Memorial de América "
        "Latina” (MAMLAT) del Estado de San Pablo. La obra se presentó en la Biblioteca del MAMLAT."
    )
    orgs = organizaciones.buscar(texto)
    assert [(o.nombre, o.sigla, o.en_catalogo, o.tipo) for o in orgs] == [
        ("Fundación Memorial de América Latina", "MAMLAT", False, "sociedad_civil")
    ]


def test_sigla_de_un_documento_no_es_una_organizacion():
    texto = "Se entregó el Permiso Temporal de Permanencia (PTP) y se explicó la Política Nacional Migratoria (PNM)."
    assert nombres(texto) == []


def test_nota_cortada_a_media_palabra_resuelve_un_prefijo_largo_y_unico():
    texto = (
        "El programa es posible gracias al trabajo conjunto del Ministerio y el Instituto Nacional de Defensa "
        "de la Competencia y de la Protección de la Propi"
    )
    orgs = organizaciones.buscar(texto)
    assert [o.sigla for o in orgs] == ["INDECOPI"]


def test_prefijo_corto_o_ambiguo_al_final_no_inventa_nada():
    assert nombres("Se reunió con el Ministerio de") == []
    assert nombres("Se reunió con la Universidad Nacional de San") == []


def test_instituciones_con_nombre_propio_por_patron():
    texto = (
        "El Cónsul General del Perú en Leticia se reunió con el Alcalde Distrital de Yavarí. "
        "Luego visitó la Universidad de Minho y la Cámara de Comercio de Huancayo."
    )
    orgs = por_nombre(texto)
    assert orgs["Municipalidad Distrital de Yavarí"].tipo == "gobierno_local"
    assert orgs["Universidad de Minho"].tipo == "academia"
    assert orgs["Cámara de Comercio de Huancayo"].tipo == "privado"
    assert not orgs["Universidad de Minho"].en_catalogo


def test_consulados_extranjeros_en_la_ciudad_de_la_mision():
    texto = (
        "El Consulado General del Perú en Boston, junto con Consulados de Colombia, Brasil y México, "
        "participó en la ceremonia. La gobernadora de Massachusetts agradeció al estado de Massachusetts."
    )
    hallados = por_nombre(texto)
    for pais in ("Colombia", "Brasil", "México"):
        assert hallados[f"Consulado de {pais} en Boston"].tipo == "gobierno_extranjero"
    assert "Gobierno del Estado de Massachusetts" in hallados


def test_alcalde_de_la_ciudad_de_la_mision_y_no_de_un_lugar_peruano():
    assert nombres("El Cónsul General del Perú en Houston visitó al Alcalde de Houston.") == ["Alcaldía de Houston"]
    assert nombres("El director de Cancillería Tumbes saludó al alcalde de Zorritos.") == []


def test_entidad_de_otro_pais_no_se_confunde_con_la_peruana():
    orgs = por_nombre("Se reunió con el Ministerio de Salud de Chile y con el Ministerio de Salud.")
    assert orgs["Ministerio de Salud de Chile"].tipo == "gobierno_extranjero"
    assert orgs["Ministerio de Salud"].sigla == "MINSA"
    assert por_nombre("Visitó el Ministerio de Relaciones Exteriores de Chile.")[
        "Ministerio de Relaciones Exteriores de Chile"].tipo == "gobierno_extranjero"


def test_el_titulo_tambien_cuenta_y_no_se_repite():
    orgs = organizaciones.buscar("Se premió a los ganadores con Indecopi.", titulo="Cancillería e Indecopi premian")
    assert [o.sigla for o in orgs] == ["INDECOPI"]


def test_tipos_del_catalogo_son_validos():
    texto = (
        "Participaron OIM, ACNUR, la PNP, la Universidad Nacional de Trujillo, USAID, la Cámara de Comercio de "
        "Lima, el Gobierno Regional de Piura, la Municipalidad Provincial de Tacna y Cáritas del Perú."
    )
    orgs = organizaciones.buscar(texto)
    assert len(orgs) == 9
    assert {o.tipo for o in orgs} <= set(organizaciones.TIPOS)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400), st.none() | st.text(max_size=60))
def test_cualquier_texto_devuelve_una_lista_sin_fallar(texto, titulo):
    orgs = organizaciones.buscar(texto, titulo)
    assert isinstance(orgs, list)
    for o in orgs:
        assert o.nombre and o.evidencia is not None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Ministerio de", "Salud", "(", ")", "OIM", "Migraciones", " y ", ", ", "los",
                                 "Ministerios de", "Universidad", "Consulados de", "Alcalde de", "“", "”", "\n",
                                 "  ", "Dirección Regional de", "(SIGLA)", "Cancillería", "Í", "de la"]),
                max_size=40))
def test_fragmentos_de_nombres_no_rompen_la_busqueda(trozos):
    assert isinstance(organizaciones.buscar("".join(trozos)), list)
