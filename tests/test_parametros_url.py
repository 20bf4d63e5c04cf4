"""Parámetros de la URL hostiles (issue 5): se validan contra los valores conocidos y nunca llegan al SQL.

Cada página se abre con cargas SQL y de rutas en todos los parámetros de filtro. Lo esperado, visto
por el usuario: ningún error, un aviso en español, la misma cantidad de eventos que sin filtros (los
valores desconocidos se descartan; los válidos se conservan) y la base intacta. Además, dos
revisiones estáticas: los `.sql` solo tienen el marcador `{donde}` y el código de `consultas/` no
arma SQL con f-strings, `%` ni `.format` de valores.
"""

from __future__ import annotations

import ast
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from tests.test_texto_hostil import PAGINAS, TITULOS, nuevo_apptest, sin_escapar

RAIZ = Path(__file__).resolve().parent.parent
CONSULTAS = RAIZ / "consultas"

CLAVES = ("anio_desde", "anio_hasta", "region", "pais", "oficina", "tipo_oficina", "organizacion", "tema",
          "tipo_evento")
CARGAS = (
    "' OR 1=1 --",
    "Tumbes'); DROP TABLE eventos; --",
    "1; DELETE FROM eventos",
    "../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "%00",
    "Tumbes\x00",
    "<script>alert(1)</script>",
    "**negrita** :red[rojo]",
    "x" * 5000,
    "Ñ" * 400,
)
ANIOS_MALOS = ("abc", "99999", "2023 OR 1=1", "-1", "1e3", "0x7E7", "%00", "../../etc/passwd", "2023.5", "")
AVISO = "Filtro de la dirección ignorado"


@pytest.fixture(scope="module")
def bd(bd_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Copia propia de la base del corpus (para comprobar que nadie la toca)."""
    destino = tmp_path_factory.mktemp("url") / "articula.duckdb"
    shutil.copyfile(bd_corpus, destino)
    return destino


@pytest.fixture
def en_bd(bd: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ARTICULA_DB", str(bd))
    return bd


def _huella(ruta: Path) -> str:
    return hashlib.sha256(ruta.read_bytes()).hexdigest()


def _contenido(ruta: Path) -> dict[str, int]:
    import duckdb

    with duckdb.connect(str(ruta), read_only=True) as con:
        tablas = [t for (t,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
        return {t: con.table(t).count("*").fetchall()[0][0] for t in tablas}


@pytest.fixture(scope="module")
def estado_inicial(bd: Path) -> tuple[str, dict[str, int]]:
    return _huella(bd), _contenido(bd)


def _eventos_en_pantalla(at) -> int:  # noqa: ANN001
    """La cifra que ve el usuario en el Explorador: «**N eventos** · ...»."""
    for m in at.markdown:
        encontrado = re.match(r"\*\*([\d\s.,\u00a0\u202f]+) eventos?\*\*", m.value)
        if encontrado:
            return int(re.sub(r"\D", "", encontrado.group(1)))
    raise AssertionError("El Explorador no muestra la cantidad de eventos")


def _abrir(pagina: str, params: dict) -> object:
    """Abre el tablero con la dirección dada y va a `pagina` (AppTest solo cambia de página tras una ejecución)."""
    at = nuevo_apptest()
    at.query_params = params
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if pagina != PAGINAS[0]:
        at.switch_page(pagina)
        at.run()
    assert at.title[0].value == TITULOS[pagina]
    return at


def _revisar_sesion(at, esperado: int, restos: tuple[str, ...]) -> None:  # noqa: ANN001
    """Sin errores, con aviso, Markdown escapado, URL limpia y la cantidad esperada en el Explorador."""
    assert not at.exception, [e.value for e in at.exception]
    avisos = [w.value for w in at.warning if AVISO in w.value]
    assert avisos, "no se avisó que se ignoraron filtros de la dirección"
    assert sin_escapar(at) == []
    for clave, valor in at.query_params.items():  # la URL reescrita solo trae valores reconocidos
        valores = valor if isinstance(valor, list) else [valor]
        assert not set(valores) & set(restos), clave
    at.switch_page("paginas/explorador.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert _eventos_en_pantalla(at) == esperado


def _total(filtros=None) -> int:  # noqa: ANN001
    from consultas.eventos import contar_eventos
    from consultas.filtros import Filtros

    return int(contar_eventos(filtros or Filtros()))


@pytest.mark.parametrize("pagina", PAGINAS)
def test_todas_las_cargas_en_todos_los_parametros(pagina: str, en_bd: Path, estado_inicial) -> None:
    params = {clave: list(CARGAS) for clave in CLAVES}
    params["anio_desde"] = list(CARGAS[:3])
    params["anio_hasta"] = "99999"
    at = _abrir(pagina, params)
    _revisar_sesion(at, _total(), CARGAS + ("99999",))
    assert (_huella(en_bd), _contenido(en_bd)) == estado_inicial


@pytest.mark.parametrize("carga", CARGAS + ANIOS_MALOS[:4], ids=lambda c: repr(c[:20]))
def test_cada_carga_por_separado(carga: str, en_bd: Path, estado_inicial) -> None:
    # Cada página recibe todas las cargas juntas (prueba anterior); aquí, una por una en páginas livianas.
    livianas = ("paginas/temas.py", "paginas/calidad.py", "paginas/acerca.py", "paginas/linea_de_tiempo.py")
    pagina = livianas[(CARGAS + ANIOS_MALOS).index(carga) % len(livianas)]
    at = _abrir(pagina, {clave: carga for clave in CLAVES})
    _revisar_sesion(at, _total(), (carga,))
    assert (_huella(en_bd), _contenido(en_bd)) == estado_inicial


def test_anios_que_no_son_anios(en_bd: Path) -> None:
    for malo in ANIOS_MALOS:
        at = _abrir("paginas/calidad.py", {"anio_desde": malo, "anio_hasta": malo})
        if malo == "":  # un parámetro vacío es «sin filtro», no un error
            assert not at.exception
            continue
        _revisar_sesion(at, _total(), (malo,))


def test_quinientos_valores_repetidos(en_bd: Path, estado_inicial) -> None:
    from consultas.opciones import opciones

    region = opciones().region[0]
    params = {"region": ["' OR 1=1 --"] * 500, "tema": ["../../etc/passwd"] * 250, "anio_desde": ["abc"] * 200}
    at = _abrir("paginas/linea_de_tiempo.py", params)
    assert any("500" in w.value for w in at.warning), "no se avisó del exceso de valores"
    _revisar_sesion(at, _total(), ("' OR 1=1 --", "../../etc/passwd", "abc"))
    # Más de 1000 parámetros: Streamlit descarta la dirección entera antes de que llegue al tablero.
    at = _abrir("paginas/linea_de_tiempo.py", {clave: ["' OR 1=1 --"] * 500 for clave in CLAVES})
    assert not at.exception
    at.switch_page("paginas/explorador.py")
    at.run()
    assert _eventos_en_pantalla(at) == _total()
    # Un valor válido repetido 500 veces filtra como uno solo.
    at = _abrir("paginas/regiones.py", {"region": [region] * 500})
    assert not at.exception
    at.switch_page("paginas/explorador.py")
    at.run()
    from consultas.filtros import Filtros

    assert _eventos_en_pantalla(at) == _total(Filtros(region=(region,)))
    assert (_huella(en_bd), _contenido(en_bd)) == estado_inicial


def test_los_validos_se_conservan_junto_a_los_hostiles(en_bd: Path) -> None:
    from consultas.eventos import lista_eventos
    from consultas.filtros import Filtros

    eventos = lista_eventos(Filtros()).dropna(subset=["region", "fecha"])
    region = eventos["region"].value_counts().index[0]  # la región con más eventos
    anio = int(eventos.loc[eventos["region"] == region, "fecha"].dt.year.min())
    at = _abrir("paginas/temas.py", {"region": [region, "' OR 1=1 --", "../../etc/passwd"],
                                      "anio_desde": str(anio), "tema": "Tumbes'); DROP TABLE eventos; --"})
    esperado = _total(Filtros(region=(region,), anio_desde=anio))
    assert esperado < _total()  # el filtro válido de verdad restringe
    _revisar_sesion(at, esperado, ("' OR 1=1 --", "../../etc/passwd"))
    assert at.query_params.get("region") == region


def test_filtros_sin_validar_llegan_al_sql_solo_como_parametros(en_bd: Path, estado_inicial) -> None:
    """Aunque una carga se saltara la validación, el SQL solo lleva `?`: no encuentra nada y no rompe nada."""
    from consultas.eventos import lista_eventos
    from consultas.filtros import Filtros

    valores = {clave: CARGAS for clave in CLAVES[2:]}
    filtros = Filtros(**valores)
    sql, params = filtros.donde("e")
    for carga in CARGAS:
        assert carga not in sql
        assert carga in params
    assert "'" not in sql and "--" not in sql
    for clave in CLAVES[2:]:
        assert len(lista_eventos(Filtros(**{clave: CARGAS}))) == 0
    assert (_huella(en_bd), _contenido(en_bd)) == estado_inicial


# --- Revisión estática del SQL ------------------------------------------------------------------

_METODOS_SQL = {"execute", "executemany", "sql", "query", "read_sql", "from_query", "fetchall_sql"}


def _constantes_de_modulo(arbol: ast.Module) -> set[str]:
    """Nombres en MAYÚSCULAS asignados a un texto literal a nivel de módulo (p. ej. el alias de la base)."""
    nombres = set()
    for nodo in arbol.body:
        if isinstance(nodo, ast.Assign) and isinstance(nodo.value, ast.Constant) and isinstance(nodo.value.value, str):
            nombres.update(t.id for t in nodo.targets if isinstance(t, ast.Name) and t.id.lstrip("_").isupper())
    return nombres


def interpolaciones(codigo: str, nombre: str = "<código>") -> list[str]:
    """Llamadas que ejecutan SQL armado con valores: f-string con variables, `%` o `.format(...)`."""
    arbol = ast.parse(codigo)
    constantes = _constantes_de_modulo(arbol)
    hallazgos = []
    for nodo in ast.walk(arbol):
        if not (isinstance(nodo, ast.Call) and isinstance(nodo.func, ast.Attribute) and nodo.args):
            continue
        if nodo.func.attr not in _METODOS_SQL:
            continue
        primero = nodo.args[0]
        lugar = f"{nombre}:{nodo.lineno}"
        if isinstance(primero, ast.JoinedStr):
            for parte in primero.values:
                if isinstance(parte, ast.FormattedValue) and not (
                    isinstance(parte.value, ast.Name) and parte.value.id in constantes
                ):
                    hallazgos.append(f"{lugar}: f-string con {ast.unparse(parte.value)}")
        elif isinstance(primero, ast.BinOp) and isinstance(primero.op, ast.Mod | ast.Add):
            hallazgos.append(f"{lugar}: SQL armado con {type(primero.op).__name__}")
        elif (isinstance(primero, ast.Call) and isinstance(primero.func, ast.Attribute)
              and primero.func.attr == "format"):
            hallazgos.append(f"{lugar}: SQL armado con .format()")
    return hallazgos


def test_sql_solo_con_el_marcador_donde() -> None:
    archivos = sorted((CONSULTAS / "sql").glob("*.sql"))
    assert archivos
    for archivo in archivos:
        texto = archivo.read_text(encoding="utf-8")
        marcadores = set(re.findall(r"\{[^}]*\}", texto))
        assert marcadores <= {"{donde}"}, (archivo.name, marcadores)
        assert not re.search(r"%(\(\w+\))?[sdrf]", texto), archivo.name


def test_consultas_no_interpola_valores_en_sql() -> None:
    hallazgos = []
    for archivo in sorted(CONSULTAS.rglob("*.py")):
        hallazgos += interpolaciones(archivo.read_text(encoding="utf-8"), archivo.name)
    assert hallazgos == []


@pytest.mark.parametrize("malo", [
    'con.execute(f"SELECT * FROM eventos WHERE region = \'{region}\'")',
    'con.execute("SELECT * FROM eventos WHERE region = \'%s\'" % region)',
    'con.execute("SELECT * FROM eventos WHERE region = \'{}\'".format(region))',
    'con.execute("SELECT * FROM eventos WHERE region = \'" + region + "\'")',
    'con.sql(f"SELECT * FROM eventos LIMIT {n}")',
])
def test_la_revision_estatica_detecta_interpolacion(malo: str) -> None:
    assert interpolaciones(f'ALIAS = "articula"\n{malo}\n')
    assert not interpolaciones('ALIAS = "articula"\ncon.execute(f"ATTACH ? AS {ALIAS}", [ruta])\n')


# --- Subida de notas: apagada por defecto, solo con la clave ---------------------------------------


def _subidas_visibles(at) -> int:  # noqa: ANN001
    return len(at.get("file_uploader"))


def test_subida_de_notas_apagada_sin_clave(en_bd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARTICULA_CLAVE_ADMIN", raising=False)
    at = nuevo_apptest()
    at.query_params = {"pagina": "cargar"}
    at.run()
    assert not at.exception
    assert _subidas_visibles(at) == 0
    assert not [t for t in at.text_input if "Clave" in t.label]  # sin clave configurada, ni el formulario
    with pytest.raises(ValueError):  # la página de carga no está registrada: no se llega ni por dirección
        at.switch_page("paginas/cargar.py")


def test_subida_de_notas_pide_la_clave(en_bd: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARTICULA_CLAVE_ADMIN", "clave-de-prueba-larga")
    at = nuevo_apptest()
    at.run()
    assert _subidas_visibles(at) == 0
    clave = next(t for t in at.text_input if "Clave" in t.label)
    clave.set_value("' OR 1=1 --")
    next(b for b in at.button if b.label == "Ingresar").click()
    at.run()
    assert not at.exception
    with pytest.raises(ValueError):
        at.switch_page("paginas/cargar.py")
    clave = next(t for t in at.text_input if "Clave" in t.label)
    clave.set_value("clave-de-prueba-larga")
    next(b for b in at.button if b.label == "Ingresar").click()
    at.run()
    at.switch_page("paginas/cargar.py")
    at.run()
    assert not at.exception
    assert _subidas_visibles(at) == 1  # con la clave correcta, sí
