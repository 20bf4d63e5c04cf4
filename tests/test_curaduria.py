"""Curaduría del catálogo: decisiones escritas en CSV con bitácora, reextracción dirigida y deshacer."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from datos import curaduria
from datos.__main__ import main as cli
from datos.almacen.bloqueo import Candado, ConstruccionEnCurso
from datos.curaduria import catalogo
from datos.curaduria.pendientes import pendientes
from datos.curaduria.reextraer import reextraer
from datos.curaduria.sugerencias import PROBABLE, puntaje

RAIZ = Path(__file__).resolve().parent.parent
DRS = "Dirección Regional de Salud de Tumbes"
GORE = "Gobierno Regional de Tumbes"
MINHO = "Universidad de Minho"


@pytest.fixture
def entorno(bd_corpus_copia: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Base y catálogos propios de la prueba: nunca se toca el catálogo del repositorio."""
    carpeta = tmp_path / "catalogos"
    shutil.copytree(RAIZ / "datos" / "catalogos", carpeta)
    monkeypatch.setenv("ARTICULA_CATALOGOS", str(carpeta))
    monkeypatch.setenv("ARTICULA_DB", str(bd_corpus_copia))
    from datos.curaduria.reextraer import limpiar_caches

    limpiar_caches()
    yield bd_corpus_copia, carpeta
    limpiar_caches()


def _orgs(bd: Path) -> dict[str, tuple[bool, str | None, int]]:
    con = duckdb.connect(str(bd), read_only=True)
    try:
        filas = con.execute(
            "SELECT o.nombre, o.en_catalogo, o.tipo, count(*) FROM organizaciones o"
            " JOIN evento_organizacion USING (organizacion_id) GROUP BY ALL"
        ).fetchall()
    finally:
        con.close()
    return {n: (cat, tipo, k) for n, cat, tipo, k in filas}


def _menciones(bd: Path) -> list[tuple]:
    con = duckdb.connect(str(bd), read_only=True)
    try:
        return con.execute(
            "SELECT eo.evento_id, o.nombre, o.en_catalogo, eo.mencion, eo.evidencia FROM evento_organizacion eo"
            " JOIN organizaciones o USING (organizacion_id) ORDER BY ALL"
        ).fetchall()
    finally:
        con.close()


def _diferencias(a: Path, b: Path) -> list[tuple[str, str]]:
    la, lb = a.read_bytes().splitlines(), b.read_bytes().splitlines()
    extra = [(x.decode(), "") for x in la[len(lb):]] + [("", y.decode()) for y in lb[len(la):]]
    return [(x.decode(), y.decode()) for x, y in zip(la, lb, strict=False) if x != y] + extra


def test_alias_fusiona_la_variante_con_la_organizacion_del_catalogo(entorno):
    bd, carpeta = entorno
    antes = _orgs(bd)
    assert DRS in antes and not antes[DRS][0]
    resultado = curaduria.alias(DRS, GORE)
    despues = _orgs(bd)
    assert DRS not in despues  # ya no es una organización aparte
    assert despues[GORE][2] >= antes[GORE][2]
    assert 1 <= resultado.reextraccion.notas < 17  # solo las notas afectadas, no todo el corpus
    # Solo cambió la línea de GORE Tumbes en el CSV, con el alias agregado.
    cambios = _diferencias(RAIZ / "datos" / "catalogos" / "organizaciones.csv", carpeta / "organizaciones.csv")
    assert len(cambios) == 1 and cambios[0][0].startswith(GORE) and cambios[0][1].endswith(f"|{DRS}")
    bitacora = curaduria.leer_cambios()
    assert [(c.accion, c.nombre, c.destino) for c in bitacora] == [("alias", DRS, GORE)]
    assert bitacora[0].fecha[:4].isdigit() and "T" in bitacora[0].fecha


def test_deshacer_alias_devuelve_catalogo_y_base_a_como_estaban(entorno):
    bd, carpeta = entorno
    original = (carpeta / "organizaciones.csv").read_bytes()
    menciones = _menciones(bd)
    cambio = curaduria.alias(DRS, GORE).cambio
    curaduria.deshacer(cambio.id)
    assert (carpeta / "organizaciones.csv").read_bytes() == original
    assert _menciones(bd) == menciones
    bitacora = curaduria.leer_cambios()
    assert bitacora[0].deshecho and bitacora[1].accion == "deshacer" and bitacora[1].deshace == cambio.id
    with pytest.raises(curaduria.ErrorCatalogo, match="ya fue deshecho"):
        curaduria.deshacer(cambio.id)


def test_agregar_como_nueva_la_pone_en_catalogo_con_su_tipo(entorno):
    bd, carpeta = entorno
    assert _orgs(bd)[MINHO][0] is False
    curaduria.agregar(MINHO, "academia", sigla="UMinho")
    assert _orgs(bd)[MINHO][:2] == (True, "academia")
    assert catalogo.buscar(MINHO).sigla == "UMinho"
    assert MINHO not in [p["nombre"] for p in pendientes()]
    # Con un alias que depende de ella, no se puede deshacer el alta sin deshacer antes el alias.
    alias = curaduria.alias("Univ. do Minho", MINHO).cambio
    with pytest.raises(curaduria.ErrorCatalogo, match=f"n.º {alias.id}"):
        curaduria.deshacer(1)
    curaduria.deshacer(alias.id)
    curaduria.deshacer(1)
    assert _orgs(bd)[MINHO][0] is False
    assert catalogo.buscar(MINHO) is None


def test_reextraer_sin_cambios_en_el_catalogo_no_cambia_nada(entorno):
    bd, _ = entorno
    antes = _menciones(bd)
    con = duckdb.connect(str(bd), read_only=True)
    ids = [f[0] for f in con.execute("SELECT nota_id FROM notas").fetchall()]
    con.close()
    r = reextraer(evento_ids=ids)
    assert r.notas == len(ids)
    assert _menciones(bd) == antes


@pytest.mark.parametrize(
    ("accion", "mensaje"),
    [
        (lambda: curaduria.agregar(GORE, "gobierno_regional"), "ya está en el catálogo"),
        (lambda: curaduria.agregar("Nueva | Rota", "academia"), "'\\|'"),
        (lambda: curaduria.agregar("=HYPERLINK(1)", "academia"), "empezar con una letra"),
        (lambda: curaduria.agregar("Fundación X", "ong"), "Tipo de organización desconocido"),
        (lambda: curaduria.alias("OIM", GORE), "ya está en el catálogo"),
        (lambda: curaduria.alias(DRS, "No Existe"), "no está en el catálogo"),
        (lambda: curaduria.deshacer(99), "No existe el cambio"),
    ],
)
def test_decisiones_invalidas_no_tocan_nada(entorno, accion, mensaje):
    bd, carpeta = entorno
    original = (carpeta / "organizaciones.csv").read_bytes()
    with pytest.raises(curaduria.ErrorCatalogo, match=mensaje):
        accion()
    assert (carpeta / "organizaciones.csv").read_bytes() == original
    assert curaduria.leer_cambios() == []


def test_si_la_base_esta_ocupada_el_catalogo_vuelve_atras(entorno):
    bd, carpeta = entorno
    original = (carpeta / "organizaciones.csv").read_bytes()
    with Candado(bd), pytest.raises(ConstruccionEnCurso):
        curaduria.agregar(MINHO, "academia")
    assert (carpeta / "organizaciones.csv").read_bytes() == original
    assert curaduria.leer_cambios() == []
    assert _orgs(bd)[MINHO][0] is False


def test_ignorar_la_saca_de_pendientes_y_deshacer_la_devuelve(entorno):
    bd, _ = entorno
    nombre = "Alcaldía de Houston"
    assert nombre in [p["nombre"] for p in pendientes()]
    cambio = curaduria.ignorar(nombre).cambio
    assert nombre not in [p["nombre"] for p in pendientes()]
    assert nombre in _orgs(bd)  # sigue en los datos
    curaduria.deshacer(cambio.id)
    assert nombre in [p["nombre"] for p in pendientes()]


def test_sugerencias_reconocen_variantes_y_distinguen_organizaciones_distintas():
    acnur = "Alto Comisionado de las Naciones Unidas para los Refugiados"
    assert curaduria.sugerencias("Acnur")[0].organizacion == acnur
    oficina = curaduria.sugerencias("Oficina del Alto Comisionado de las Naciones Unidas para los Refugiados")
    assert oficina[0].organizacion == acnur and oficina[0].probable
    assert puntaje("Asociación Venezolanos en Tumbes", "Asociación de Venezolanos en Tumbes") >= PROBABLE
    assert puntaje("ACNUR", "Acnur") == 100
    assert puntaje(DRS, "Dirección Regional de Educación de Tumbes") < PROBABLE
    assert curaduria.sugerencias("Gobierno del Estado de Massachusetts") == []


def test_cli_catalogo(entorno, capsys):
    bd, _ = entorno
    assert cli(["catalogo", "pendientes"]) == 0
    assert MINHO in capsys.readouterr().out
    assert cli(["catalogo", "agregar", MINHO, "--tipo", "academia"]) == 0
    assert "Notas reextraídas: 1" in capsys.readouterr().out
    assert cli(["catalogo", "alias", DRS, "--de", "GORE Tumbes"]) == 0  # el destino también por su sigla
    assert cli(["catalogo", "agregar", MINHO, "--tipo", "academia"]) == 1
    assert "ya está en el catálogo" in capsys.readouterr().err
    assert cli(["catalogo", "deshacer", "2"]) == 0
    assert cli(["catalogo", "cambios"]) == 0
    salida = capsys.readouterr().out
    assert "[deshecho]" in salida and "Deshace el cambio n.º 2" in salida
    assert _orgs(bd)[MINHO][0] is True and DRS in _orgs(bd)
