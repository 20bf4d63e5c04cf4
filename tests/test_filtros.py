"""Filtros: SQL parametrizado, descripción, nombres de archivo y validación de la URL."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consultas.filtros import MAX_VALORES, Filtros
from consultas.opciones import Opciones

OPCIONES = Opciones(
    anio_min=2019,
    anio_max=2024,
    region=("Áncash", "La Libertad", "Lima", "Tumbes"),
    pais=("Estados Unidos", "Perú"),
    oficina=("Cancillería Tumbes", "Sede central"),
    tipo_oficina=("mision_exterior", "oficina_desconcentrada", "sede_central"),
    organizacion=("Organización Internacional para las Migraciones", "Gobierno Regional de Tumbes, Perú"),
    tema=("migración y refugio", "seguridad ciudadana"),
    tipo_evento=("reunión", "conversatorio"),
)

CARGAS_HOSTILES = [
    "Tumbes' OR 1=1 --",
    "'; DROP TABLE eventos; --",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "[clic](javascript:alert(1))",
    "x" * 5000,
    "Lima\x00",
]


class ParametrosStreamlit:
    """Imita `st.query_params`: `[]`/get devuelven el último valor, get_all todos."""

    def __init__(self, datos: dict[str, list[str]]):
        self._datos = datos

    def __getitem__(self, clave):
        return self._datos[clave][-1]

    def get(self, clave, defecto=None):
        return self._datos[clave][-1] if clave in self._datos else defecto

    def get_all(self, clave):
        return list(self._datos.get(clave, []))

    def __iter__(self):
        return iter(self._datos)

    def __len__(self):
        return len(self._datos)


# --- donde() -----------------------------------------------------------------


def test_sin_filtros_no_restringe():
    assert Filtros().donde() == ("TRUE", [])
    assert Filtros().es_vacio()


def test_o_dentro_de_un_campo_y_entre_campos():
    sql, params = Filtros(region=("Tumbes", "Lima"), anio_desde=2023, tema=("seguridad ciudadana",)).donde()
    assert "e.region IN (?, ?)" in sql
    assert sql.count(" AND ") == 2  # año, región, tema
    assert "evento_tema" in sql
    assert sorted(params[1:3]) == ["Lima", "Tumbes"] and params[0] == 2023
    assert params[-1] == "seguridad ciudadana"


def test_los_valores_nunca_aparecen_en_el_sql():
    f = Filtros(region=CARGAS_HOSTILES[:3], organizacion=CARGAS_HOSTILES[3:5], tema=("Tumbes",), anio_hasta=2020)
    sql, params = f.donde("ev")
    for valor in CARGAS_HOSTILES[:5] + ["Tumbes", "2020"]:
        assert valor not in sql
    assert sql.count("?") == len(params)
    assert set(CARGAS_HOSTILES[:5]) <= set(params)
    assert sql.startswith("ev.")


@pytest.mark.parametrize("alias", ["e; DROP TABLE eventos", "e.x", "", "1e", "e --"])
def test_alias_no_valido_se_rechaza(alias):
    with pytest.raises(ValueError):
        Filtros(region=("Lima",)).donde(alias)


def test_normaliza_listas_para_que_la_cache_reconozca_la_misma_seleccion():
    a = Filtros(region=["Tumbes", "Lima", "Tumbes"], anio_desde="2023")
    b = Filtros(region=("Lima", "Tumbes"), anio_desde=2023)
    assert a == b and hash(a) == hash(b)
    assert a.region == ("Lima", "Tumbes")
    assert Filtros(region="Lima").region == ("Lima",)


def test_con_y_periodo_anterior():
    f = Filtros(anio_desde=2023, anio_hasta=2024, region=("Lima",))
    anterior = f.periodo_anterior()
    assert (anterior.anio_desde, anterior.anio_hasta, anterior.region) == (2021, 2022, ("Lima",))
    assert Filtros(anio_desde=2024, anio_hasta=2024).periodo_anterior().anio_desde == 2023
    assert Filtros(anio_desde=2023).periodo_anterior() is None
    assert Filtros().periodo_anterior() is None
    assert f.con(region=["Tumbes"]).region == ("Tumbes",) and f.region == ("Lima",)


# --- descripcion() y nombre_archivo() ----------------------------------------------


def test_descripcion_en_espanol():
    assert Filtros().descripcion() == "Todos los eventos"
    texto = Filtros(region=("Tumbes",), anio_desde=2023, anio_hasta=2024, organizacion=("OIM",)).descripcion()
    assert texto == "Años: 2023–2024 · Región: Tumbes · Organización: OIM"
    assert Filtros(anio_desde=2023, anio_hasta=2023).descripcion() == "Año: 2023"
    assert Filtros(anio_desde=2022).descripcion() == "Desde 2022"
    assert Filtros(region=("Lima", "Tumbes")).descripcion() == "Regiones: Lima y Tumbes"
    assert Filtros(tipo_oficina=("mision_exterior",)).descripcion() == "Tipo de oficina: Misión en el exterior"
    muchos = Filtros(pais=("A", "B", "C", "D", "E")).descripcion()
    assert muchos == "Países: A, B, C y 2 más"


def test_nombre_archivo_dice_lo_filtrado_y_es_seguro():
    f = Filtros(region=("Tumbes",), anio_desde=2023, anio_hasta=2024)
    assert f.nombre_archivo("eventos", "csv") == "eventos_region-tumbes_2023-2024.csv"
    assert Filtros().nombre_archivo("eventos", "xlsx") == "eventos.xlsx"
    assert Filtros(region=("Áncash", "San Martín")).nombre_archivo("Eventos", ".CSV") == (
        "eventos_region-ancash-san-martin.csv"
    )
    hostil = Filtros(region=CARGAS_HOSTILES, organizacion=("../../etc/passwd",), anio_desde=2020)
    nombre = hostil.nombre_archivo("../eventos", "csv/../x")
    assert re.fullmatch(r"[a-z0-9_.-]+", nombre)
    assert "/" not in nombre and ".." not in nombre
    assert len(nombre) <= 160
    assert "region-7-valores" in nombre


# --- URL ---------------------------------------------------------------------------


def test_a_query_params_solo_lo_activo():
    f = Filtros(region=("Lima", "Tumbes"), anio_hasta=2024)
    assert f.a_query_params() == {"anio_hasta": ["2024"], "region": ["Lima", "Tumbes"]}
    assert Filtros().a_query_params() == {}


def _subconjunto(valores):
    return st.lists(st.sampled_from(valores), max_size=len(valores), unique=True)


@settings(max_examples=60, deadline=None)
@given(
    desde=st.one_of(st.none(), st.integers(2019, 2024)),
    hasta=st.one_of(st.none(), st.integers(2019, 2024)),
    region=_subconjunto(OPCIONES.region),
    organizacion=_subconjunto(OPCIONES.organizacion),
    tema=_subconjunto(OPCIONES.tema),
    tipo_oficina=_subconjunto(OPCIONES.tipo_oficina),
)
def test_ida_y_vuelta_por_la_url(desde, hasta, region, organizacion, tema, tipo_oficina):
    if desde is not None and hasta is not None and desde > hasta:
        desde, hasta = hasta, desde
    f = Filtros(
        anio_desde=desde, anio_hasta=hasta, region=region, organizacion=organizacion, tema=tema,
        tipo_oficina=tipo_oficina,
    )
    vuelta, avisos = Filtros.desde_query_params(f.a_query_params(), OPCIONES)
    assert vuelta == f
    assert avisos == []
    # También con el objeto de Streamlit, que repite la clave para los multivaluados.
    vuelta_st, _ = Filtros.desde_query_params(ParametrosStreamlit(f.a_query_params()), OPCIONES)
    assert vuelta_st == f


@pytest.mark.parametrize("clave", ["region", "pais", "oficina", "tipo_oficina", "organizacion", "tema", "tipo_evento"])
@pytest.mark.parametrize("carga", CARGAS_HOSTILES)
def test_cargas_hostiles_se_descartan_con_aviso(clave, carga):
    f, avisos = Filtros.desde_query_params({clave: [carga]}, OPCIONES)
    assert f == Filtros()
    assert len(avisos) == 1
    assert "Se ignoró" in avisos[0]
    assert len(avisos[0]) < 200  # no repite valores enormes
    assert carga not in f.donde()[0]


def test_avisos_citan_el_valor_sin_markdown_ni_html_activo():
    _, avisos = Filtros.desde_query_params({"region": ["<script>alert(1)</script>"]}, OPCIONES)
    assert "<script>" not in avisos[0]
    assert r"\<script\>" in avisos[0]
    _, avisos = Filtros.desde_query_params({"tema": ["[clic](javascript:alert(1))"]}, OPCIONES)
    assert "](" not in avisos[0]


def test_se_conservan_los_validos_y_se_descartan_los_demas():
    params = {"region": ["Tumbes", "Tumbes' OR 1=1 --"], "tema": ["seguridad ciudadana"], "embed": ["true"]}
    f, avisos = Filtros.desde_query_params(params, OPCIONES)
    assert f == Filtros(region=("Tumbes",), tema=("seguridad ciudadana",))
    assert len(avisos) == 1 and "región" in avisos[0]


def test_valores_escritos_a_mano_se_reconocen_sin_tildes_ni_mayusculas():
    f, avisos = Filtros.desde_query_params({"region": ["ancash", "LA LIBERTAD"]}, OPCIONES)
    assert f.region == ("Áncash", "La Libertad") and avisos == []


def test_organizacion_con_coma_es_un_solo_valor():
    nombre = "Gobierno Regional de Tumbes, Perú"
    f, avisos = Filtros.desde_query_params({"organizacion": nombre}, OPCIONES)
    assert f.organizacion == (nombre,) and avisos == []


@pytest.mark.parametrize(
    ("params", "esperado"),
    [
        ({"anio_desde": "1850"}, None),
        ({"anio_desde": "2031"}, None),
        ({"anio_desde": "dos mil"}, None),
        ({"anio_desde": "2023 OR 1=1"}, None),
        ({"anio_desde": "9" * 400}, None),
        ({"anio_desde": "-2023"}, None),
        ({"anio_desde": " 2023 "}, 2023),
        ({"anio_desde": ["2019", "2022"]}, 2022),
    ],
)
def test_anios_desconocidos_o_invalidos(params, esperado):
    f, avisos = Filtros.desde_query_params(params, OPCIONES)
    assert f.anio_desde == esperado
    assert bool(avisos) == (esperado is None)


def test_rango_de_anios_invertido_se_ordena():
    f, avisos = Filtros.desde_query_params({"anio_desde": "2024", "anio_hasta": "2020"}, OPCIONES)
    assert (f.anio_desde, f.anio_hasta) == (2020, 2024)
    assert len(avisos) == 1


def test_sin_anios_en_la_base_se_ignoran():
    f, avisos = Filtros.desde_query_params({"anio_hasta": "2023"}, Opciones())
    assert f.anio_hasta is None and avisos


def test_listas_enormes_se_recortan_con_aviso():
    enorme = [f"basura {i}" for i in range(20_000)] + ["Tumbes"]
    f, avisos = Filtros.desde_query_params({"region": enorme}, OPCIONES)
    assert f.region == ()  # "Tumbes" quedó más allá del límite
    assert any(str(MAX_VALORES) in a for a in avisos)
    assert len(avisos) == 2  # el recorte y un solo resumen de lo ignorado
    validos_repetidos = ["Lima"] * 5000
    f, _ = Filtros.desde_query_params({"region": validos_repetidos}, OPCIONES)
    assert f.region == ("Lima",)
    assert f.donde()[0].count("?") == 1
