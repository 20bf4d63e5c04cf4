"""Espacios de coordinación: nombres completos, cortes sensatos y sin duplicar menciones."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from datos.extraccion import espacios, pasada, tipo_evento


def nombres(cuerpo: str, titulo: str | None = None) -> list[str]:
    return [h.valor for h in espacios.buscar(cuerpo, titulo)]


def test_mesa_con_nombre_y_menciones_posteriores_son_un_solo_espacio():
    cuerpo = (
        "Se realizó la segunda reunión de la Mesa Multisectorial Técnica para Refugiados y Migrantes de la Región "
        "Tumbes. La Mesa presentó su plan. Los miembros de la Mesa Multisectorial Técnica para Refugiados y "
        "Migrantes en Tumbes destacaron el trabajo. La Mesa de Trabajo se reunirá en marzo."
    )
    assert nombres(cuerpo) == ["Mesa Multisectorial Técnica para Refugiados y Migrantes de la Región Tumbes"]


def test_corte_en_el_limite_del_nombre_propio():
    cuerpo = (
        "Se hizo el seguimiento de la Conferencia Internacional en Solidaridad con los Refugiados y Migrantes "
        "Venezolanos y sus países y comunidades de acogida, con la Mesa Intersectorial para la Gestión Migratoria."
    )
    assert nombres(cuerpo) == [
        "Conferencia Internacional en Solidaridad con los Refugiados y Migrantes Venezolanos",
        "Mesa Intersectorial para la Gestión Migratoria",
    ]


def test_foro_entre_comillas_sin_comillas_en_el_nombre():
    cuerpo = "La oficina participó del conversatorio “Movilidad Humana e Integración en la Región La Libertad”."
    assert nombres(cuerpo) == ["Conversatorio Movilidad Humana e Integración en la Región La Libertad"]


def test_reunion_en_el_marco_de_un_pacto():
    cuerpo = ("El ministro participó en la primera reunión de Alto Nivel en el marco del Pacto Mundial sobre los "
              "Refugiados.")
    assert nombres(cuerpo) == ["Reunión de Alto Nivel del Pacto Mundial sobre los Refugiados"]


def test_organizaciones_y_menciones_genericas_no_son_espacios():
    cuerpo = (
        "Participaron la Comisión Especial para los Refugiados, la Presidencia del Consejo de Ministros y el "
        "Comité Internacional de la Cruz Roja. La mesa central y la Reunión Ordinaria fueron breves."
    )
    assert nombres(cuerpo) == []


def test_evidencia_es_la_primera_mencion():
    cuerpo = "Se instaló la Comisión Binacional Perú Ecuador. Luego la Comisión Binacional Perú Ecuador sesionó."
    hallados = espacios.buscar(cuerpo)
    assert len(hallados) == 1
    assert hallados[0].evidencia.startswith("Se instaló")


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300), st.none() | st.text(max_size=80))
def test_cualquier_texto_devuelve_una_lista(cuerpo, titulo):
    assert isinstance(espacios.buscar(cuerpo, titulo), list)


def test_nombre_con_contra_y_frente_no_se_corta():
    cuerpo = (
        "Participó en la sesión de la Red Regional contra la Trata de Personas y el Tráfico Ilícito de Migrantes "
        "de Piura. También asistió a la Mesa de Trabajo frente a la Violencia de Género."
    )
    halladas = nombres(cuerpo)
    assert "Red Regional contra la Trata de Personas y el Tráfico Ilícito de Migrantes de Piura" in halladas
    assert "Mesa de Trabajo frente a la Violencia de Género" in halladas


_PARTES = st.sampled_from(
    [
        "Mesa", "MESA", "mesa", "Mesas", "Comisión", "COMISIÓN", "comision", "Red", "Foro “Hola mundo”",
        "conversatorio «Migración y Desarrollo»", "de Trabajo", "Multisectorial", "de la", "Región Tumbes", "Sr.",
        "Consejo de Ministros", "Grupo de Trabajo", "Diálogo", "reunión", "Reunión de Alto Nivel", "Cumbre", "—",
        "Sesión Ordinaria", "junta", "en el marco del", "Pacto", "taller", "Ña", "½",
    ]
)
_TEXTOS = st.lists(st.tuples(_PARTES, st.sampled_from([" ", " ", ". ", ".\n", "\n\n", ", ", "  ", "\t"]))).map(
    lambda xs: "".join(a + b for a, b in xs)
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["", "Mesa de Trabajo Binacional", " Cancillería participa en Foro “Agua” "]), _TEXTOS)
def test_una_pasada_da_lo_mismo_que_cada_modulo_por_su_cuenta(titulo: str, cuerpo: str) -> None:
    recorrido = pasada.recorrer(titulo, cuerpo)
    if recorrido is not None:
        assert espacios.buscar(cuerpo, titulo, recorrido.inicios_espacios) == espacios.buscar(cuerpo, titulo)
        assert tipo_evento.clasificar(titulo, cuerpo, recorrido) == tipo_evento.clasificar(titulo, cuerpo)
