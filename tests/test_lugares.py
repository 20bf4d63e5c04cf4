"""Oficina, tipo de oficina, país y región: casos difíciles y el corpus anotado completo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from datos.extraccion import catalogos, encabezado, fechas, limpieza, lugares, pasada
from datos.extraccion.lectura import leer
from datos.extraccion.lugares import ubicar
from tests.conftest import NOTAS, RAIZ

ANOTACIONES = {
    (fila := json.loads(linea))["archivo"]: fila
    for linea in (RAIZ / "tests" / "anotaciones.jsonl").read_text(encoding="utf-8").splitlines()
    if linea.strip()
}
CAMPOS = ("tipo_nota", "numero_nota", "fecha_publicacion", "fecha_evento", "oficina", "tipo_oficina", "pais", "region")


@pytest.mark.parametrize(
    ("titulo", "cuerpo", "oficina", "tipo", "pais", "region"),
    [
        ("Cancillería promueve taller", "La Oficina Desconcentrada del Ministerio de Relaciones Exteriores en Tacna "
         "organizó un taller.", "Cancillería Tacna", "oficina_desconcentrada", "Perú", "Tacna"),
        ("ODE Piura realiza campaña", "Texto.", "Cancillería Piura", "oficina_desconcentrada", "Perú", "Piura"),
        ("Cancillería capacita a funcionarios", "La Cancillería, a través de su Oficina Desconcentrada en Cusco, "
         "realizó una capacitación.", "Cancillería Cusco", "oficina_desconcentrada", "Perú", "Cusco"),
        ("Cancillería Trujillo destaca trabajo", "Texto.", "Cancillería Trujillo", "oficina_desconcentrada", "Perú",
         "La Libertad"),
        ("Consulado del Perú en Arica atiende a connacionales", "Texto.", "Consulado General del Perú en Arica",
         "mision_exterior", "Chile", None),
        ("Embajada del Perú en Chile celebra", "Texto.", "Embajada del Perú en Chile", "mision_exterior", "Chile",
         None),
        ("Embajador del Perú en Portugal visita Braga", "Texto.", "Embajada del Perú en Portugal", "mision_exterior",
         "Portugal", None),
        ("Perú en la OEA", "La Misión Permanente del Perú ante la OEA presentó una resolución.",
         "Misión Permanente del Perú ante la OEA", "mision_exterior", "Estados Unidos", None),
        ("Nuestro país participó en Festival de San Pablo", "El Consulado General del Perú participó en el festival.",
         "Consulado General del Perú en San Pablo", "mision_exterior", "Brasil", None),
        ("Cónsul General en Leticia se reunió con alcalde de Islandia", "El Cónsul General del Perú en Leticia visitó "
         "Islandia. Islandia es la ciudad peruana capital del distrito de Yavarí, en el río Amazonas.",
         "Consulado General del Perú en Leticia", "mision_exterior", "Perú", "Loreto"),
        ("Cancillería lidera reunión", "El Viceministro encabezó la reunión en la sede de la Cancillería.",
         "Sede central", "sede_central", "Perú", "Lima"),
        ("Cancillería refuerza la proyección internacional de Cajamarca", "Texto.", "Sede central", "sede_central",
         "Perú", "Cajamarca"),
        ("Canciller participa en la Cumbre en Bogotá", "El canciller participó.", "Sede central", "sede_central",
         "Colombia", None),
        ("Cancillería Tacna realiza taller en Moquegua", "Texto.", "Cancillería Tacna", "oficina_desconcentrada",
         "Perú", "Moquegua"),
        ("Embajada de Chile en el Perú dona libros", "La Embajada de Chile en el Perú donó libros.", "Sede central",
         "sede_central", "Perú", "Lima"),
        ("Cancillería reafirma su compromiso", "El programa es posible gracias a sus Oficinas Desconcentradas en Puno "
         "y Puerto Maldonado. Esta iniciativa, impulsada por la Cancillería de Puno y Puerto Maldonado, crece.",
         "Sede central", "sede_central", "Perú", "Lima"),
    ],
)
def test_ubicar(titulo: str, cuerpo: str, oficina: str, tipo: str, pais: str, region: str | None) -> None:
    u = ubicar(titulo, cuerpo)
    assert (u.oficina, u.tipo_oficina, u.pais, u.region) == (oficina, tipo, pais, region)


def test_evidencia_de_la_oficina() -> None:
    cuerpo = "Primera oración. El Consulado General del Perú en Boston participó en la ceremonia."
    u = ubicar("El Perú participa en una ceremonia", cuerpo)
    assert u.oficina == "Consulado General del Perú en Boston"
    assert u.evidencia_oficina == "El Consulado General del Perú en Boston participó en la ceremonia."


def test_catalogo_editable_sin_tocar_codigo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for nombre in ("departamentos.csv", "paises.csv"):
        (tmp_path / nombre).write_text((RAIZ / "datos" / "catalogos" / nombre).read_text(encoding="utf-8"))
    (tmp_path / "oficinas.csv").write_text(
        "oficina,tipo_oficina,ciudad,departamento,pais,lat,lon,alias\n"
        "Consulado General del Perú en Cebú,mision_exterior,Cebú,,Filipinas,10.3,123.9,Cebu\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("ARTICULA_CATALOGOS", str(tmp_path))
    catalogos.limpiar_cache()
    try:
        u = ubicar("Cónsul del Perú en Cebu se reúne con el alcalde", "Texto.")
        assert (u.oficina, u.pais) == ("Consulado General del Perú en Cebú", "Filipinas")
    finally:
        monkeypatch.delenv("ARTICULA_CATALOGOS")
        catalogos.limpiar_cache()


def test_departamentos_coinciden_con_el_geojson() -> None:
    geo = json.loads((RAIZ / "datos" / "geo" / "peru_departamental_simple.geojson").read_text(encoding="utf-8"))
    nombres_geo = {f["properties"]["NOMBDEP"] for f in geo["features"]}
    filas = catalogos.leer_csv("departamentos")
    assert len(filas) == 25
    assert {f["nombre_geo"] for f in filas} == nombres_geo


@pytest.mark.parametrize("archivo", sorted(ANOTACIONES))
def test_corpus_anotado_campo_por_campo(archivo: str) -> None:
    """Cada nota del corpus: encabezado, fechas y lugar iguales a la anotación."""
    (nota,) = list(leer([NOTAS / archivo]))
    limpia = limpieza.limpiar(nota.texto, nota.titulo)
    cabecera = encabezado.leer(limpia.texto, fecha_declarada=nota.fecha)
    evento = fechas.fecha_evento(limpia.cuerpo, cabecera.fecha_publicacion)
    lugar = ubicar(limpia.titulo, limpia.cuerpo)
    obtenido = {
        "tipo_nota": cabecera.tipo_nota,
        "numero_nota": cabecera.numero_nota,
        "fecha_publicacion": cabecera.fecha_publicacion,
        "fecha_evento": evento.valor if evento else None,
        "oficina": lugar.oficina,
        "tipo_oficina": lugar.tipo_oficina,
        "pais": lugar.pais,
        "region": lugar.region,
    }
    esperado = {campo: ANOTACIONES[archivo][campo] for campo in CAMPOS}
    assert obtenido == esperado
    assert limpia.titulo == ANOTACIONES[archivo]["titulo"]


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.text(max_size=400))
def test_extraccion_nunca_falla_con_texto_arbitrario(titulo: str, cuerpo: str) -> None:
    limpia = limpieza.limpiar(f"{titulo}\n{cuerpo}", None)
    cabecera = encabezado.leer(limpia.texto, fecha_declarada=cuerpo[:20])
    if cabecera.fecha_publicacion:
        fechas.parsear_iso(cabecera.fecha_publicacion)
    fechas.fecha_evento(limpia.cuerpo, cabecera.fecha_publicacion)
    u = ubicar(titulo, cuerpo)
    assert u.tipo_oficina in {"sede_central", "oficina_desconcentrada", "mision_exterior"}


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Cancillería", "Tumbes", "Consulado General del Perú en", "Embajador", "del Perú en", "Leticia",
             "ciudad peruana", "Islandia", "Oficina Desconcentrada en", "Cusco", "y", ",", ".", "\n", "Portugal",
             "21 de diciembre de 2023 - 10:21 a. m.", "Nota Informativa 1275 – 23", "el pasado 31 de febrero",
             "hoy", "el próximo 3 de mayo", "del 16 al 20 de agosto pasados", "Braga", "Braga"]
        ),
        max_size=40,
    )
)
def test_extraccion_nunca_falla_con_piezas_de_notas(piezas: list[str]) -> None:
    texto = " ".join(piezas)
    limpia = limpieza.limpiar(texto)
    cabecera = encabezado.leer(limpia.texto)
    evento = fechas.fecha_evento(limpia.cuerpo, cabecera.fecha_publicacion)
    if evento:
        fechas.parsear_iso(evento.valor)
    ubicar(limpia.titulo, limpia.cuerpo)


@pytest.mark.parametrize(
    ("texto", "oficina", "pais"),
    [
        ("El Consulado General del Perú en Los Ángeles organizó una feria.",
         "Consulado General del Perú en Los Ángeles", "Estados Unidos"),
        ("El Consulado General del Perú en La Paz participó en un foro.",
         "Consulado General del Perú en La Paz", "Bolivia"),
        ("La Embajada del Perú en La Haya participó en un foro.", "Embajada del Perú en Países Bajos", "Países Bajos"),
    ],
)
def test_ciudades_con_articulo(texto, oficina, pais):
    ubicacion = ubicar(texto, texto)
    assert (ubicacion.oficina, ubicacion.pais) == (oficina, pais)


def test_mision_desconocida_no_arrastra_el_resto_de_la_oracion():
    texto = "El Consulado del Perú en Ciudad Inventada participó en una reunión con autoridades."
    assert ubicar(texto, texto).oficina == "Consulado del Perú en Ciudad Inventada"


# --- Atajos de velocidad: lo mismo que la forma simple que reemplazan ---------------------------------------

_TROZOS_LUGAR = st.lists(
    st.tuples(
        st.sampled_from(
            ["Los", "Ángeles", "La", "Paz", "Haya", "Buenos", "Aires", "Nueva", "York", "San", "Pablo", "Lima",
             "Madre", "de", "Dios", "Estado", "la", "Ciudad", "del", "Vaticano", "Perú", "Peru", "Chile", "participa",
             "´", "¨", "\u0301", "ﬁ", "İ", "ΟΔΟΣ", "Ñandú", "x", "ÁFRICA", "á", "Ginebra", "Oficina", "las", "en",
             "Naciones", "Unidas", "Provincia", "Constitucional", "Callao"]
        ),
        st.sampled_from([" ", "  ", "\u00a0", "\n", "\t"]),
    ),
    max_size=9,
).map(lambda xs: "".join(a + b for a, b in xs))


def _resolver_lugar_referencia(lugar: str, indice) -> tuple:
    palabras = lugar.split()
    for n in range(len(palabras), 0, -1):
        candidato = " ".join(palabras[:n])
        clave = catalogos.normalizar(candidato)
        if clave in indice.misiones:
            return candidato, indice.misiones[clave], indice.misiones[clave][0].get("pais") or None
        if clave in indice.paises:
            pais = indice.paises[clave]
            return pais, list(indice.misiones_por_pais.get(pais, [])), pais
        if clave in indice.departamentos:
            return candidato, [], "Perú"
    return lugar, [], None


@settings(max_examples=300, deadline=None)
@given(_TROZOS_LUGAR)
@example("´ Chile participa en la feria")  # una palabra que normalizar borra: el prefijo vacío sigue
@example("La Paz\u00a0ﬁ Bolivia")
def test_resolver_lugar_igual_que_probar_todos_los_prefijos(lugar: str) -> None:
    indice = lugares._catalogo()
    assert lugares._resolver_lugar(lugar, indice) == _resolver_lugar_referencia(lugar, indice)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["ciudad", "Ciudades", "LOCALIDAD", "comunidad", "distrito", "provincia", "poblado", "territorio",
                 "Territorio", "lado", "peruana", "PERUANOS", "peruano", "nacional", "noperuano", "xlado", "İ", "ſ",
                 "K", "—", "٣", "Cusco", "Lima", "la", "_", "é"]
            ),
            st.sampled_from(["", " ", "  ", "\n", "\u00a0", "\u2028", ", ", "."]),
        ),
        max_size=12,
    ).map(lambda xs: "".join(a + b for a, b in xs))
)
def test_cues_peru_igual_que_la_regex_en_todo_el_texto(texto: str) -> None:
    esperado = [(m.span(), m.groupdict()) for m in lugares._CUE_PERU.finditer(texto)]
    assert [(m.span(), m.groupdict()) for m in lugares._cues_peru(texto)] == esperado



@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Lima", "Arequipa", "Buenos Aires", "San Pablo", "Nueva York", "Brasil", "Perú", "Peru",
                             "Ginebra", "Chile", "La Paz", "Bolivia", "Cusco", "Tacna", "Limas", "xChile", "_", "é"]),
            st.sampled_from(["", " ", "\n", ", ", ".", " y ", " en "]),
        ),
        max_size=12,
    ).map(lambda xs: "".join(a + b for a, b in xs))
)
def test_nombres_de_la_sede_en_una_pasada_igual_que_un_automata_por_catalogo(texto: str) -> None:
    indice = lugares._catalogo()
    por_catalogo = [
        patron.finditer(texto) for patron in (indice.patron_misiones, indice.patron_paises, indice.patron_departamentos)
    ]
    assert indice.nombres_sede.buscar(texto) == por_catalogo


_TROZOS = ["Cónsul", "CONSUL", "cónsul", "Vicecónsul", "Embajada", "EMBAJ", "Oficina", "ODE", "ode", "Cancillería",
           "nuestra", "Misión", "Sección Consular", "Encargado", "Representación", "Tacna", "Piura", "Chile", " ",
           "\n", "\n\n", ",", ".", "_", "ª", "º", "ñ", "ü", "é", "K", "“", "”", "—", "-", "a", "X", "1"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TROZOS), max_size=15), st.lists(st.sampled_from(_TROZOS), max_size=40))
@example(["  Cónsul  "], ["\n", "Embajada", "\n", "ODE Tacna"])
def test_inicios_de_la_pasada_incluyen_los_de_lugares(trozos_titulo: list[str], trozos_cuerpo: list[str]) -> None:
    """Los inicios de oficina que da la pasada (plegados) incluyen los que lugares halla por su cuenta, y ubicar
    da lo mismo con y sin el recorrido."""
    titulo, cuerpo = "".join(trozos_titulo), "".join(trozos_cuerpo)
    recorrido = pasada.recorrer(titulo, cuerpo)
    if recorrido is not None:
        desde, primero = lugares._primer_parrafo_y_su_inicio(cuerpo)
        base, blancos = recorrido.plegado.base, len(titulo) - len(titulo.lstrip())
        for texto, inicios in (
            (titulo, lugares._inicios_en(recorrido, 1 - blancos, 1, 1 + len(titulo.strip()))),
            (primero, lugares._inicios_en(recorrido, base + desde, base + desde, base + desde + len(primero))),
            (cuerpo, lugares._inicios_en(recorrido, base, base, base + len(cuerpo))),
        ):
            propios = lugares._inicios_oficina(texto)
            if propios is not None:
                assert inicios is not None
                for de_lugares, de_la_pasada in zip(propios, inicios, strict=True):
                    assert set(de_lugares) <= set(de_la_pasada)
    assert ubicar(titulo, cuerpo, recorrido) == ubicar(titulo, cuerpo)
