"""Subida de notas: ZIP seguro (nada fuera de la carpeta), límites, carga incremental y acceso con clave."""

from __future__ import annotations

import io
import shutil
import stat
import zipfile
from pathlib import Path

import pytest

from datos.subida import Limites, cargar, guardar

NOTAS = Path(__file__).resolve().parent / "datos_analista"
RAIZ = Path(__file__).resolve().parent.parent


def _zip(miembros: dict[str, bytes], enlaces: dict[str, str] | None = None) -> bytes:
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as zf:
        for nombre, datos in miembros.items():
            zf.writestr(nombre, datos)
        for nombre, destino in (enlaces or {}).items():
            info = zipfile.ZipInfo(nombre)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, destino)
    return b.getvalue()


def _todo(carpeta: Path) -> set[str]:
    return {str(p.relative_to(carpeta)) for p in carpeta.rglob("*")}


def test_zip_peligroso_se_rechaza_sin_escribir_fuera(tmp_path):
    base = tmp_path / "subidas"
    datos = _zip(
        {"buena.txt": b"Nota buena", "../fuera.txt": b"x", "/etc/absoluta.txt": b"x", "prog.exe": b"MZ",
         "sub/otra.html": b"<p>hola</p>"},
        enlaces={"enlace.txt": "/etc/passwd"},
    )
    subida = guardar([("paquete.zip", datos)], base=base)
    assert subida.carpeta.parent == base
    guardados = sorted(p.name for p in subida.guardados)
    assert guardados == ["buena.txt", "otra.html"]
    motivos = {r.archivo.split(":", 1)[1]: r.motivo for r in subida.rechazos}
    assert set(motivos) == {"../fuera.txt", "/etc/absoluta.txt", "prog.exe", "enlace.txt"}
    assert "peligrosa" in motivos["../fuera.txt"] and "Enlace simbólico" in motivos["enlace.txt"]
    assert "no admitido" in motivos["prog.exe"]
    assert _todo(tmp_path) == {"subidas", str(subida.carpeta.relative_to(tmp_path))} | {
        str(p.relative_to(tmp_path)) for p in subida.carpeta.rglob("*")}
    assert all(p.resolve().is_relative_to(subida.carpeta.resolve()) for p in subida.guardados)


def test_bombas_zip_y_limites(tmp_path):
    ceros = b"0" * (3 * 1024 * 1024)  # se comprime más de 200 veces
    subida = guardar([("bomba.zip", _zip({"grande.txt": ceros}))], base=tmp_path)
    assert not subida.guardados and "bomba" in subida.rechazos[0].motivo
    muchos = _zip({f"n{i}.txt": f"nota {i}".encode() for i in range(6)})
    subida = guardar([("muchos.zip", muchos)], base=tmp_path, limites=Limites(archivos_zip=5))
    assert not subida.guardados and "más de 5 archivos" in subida.rechazos[0].motivo
    subida = guardar([("a.txt", b"x" * 2000), ("b.pdf", b"%PDF")], base=tmp_path, limites=Limites(archivo=1000))
    assert not subida.guardados and len(subida.rechazos) == 2
    subida = guardar([("roto.zip", b"PK\x03\x04 no es un zip")], base=tmp_path)
    assert "dañado" in subida.rechazos[0].motivo
    # Dos subidas nunca comparten carpeta; los nombres se limpian.
    a = guardar([("../../x y?.txt", b"uno")], base=tmp_path)
    b = guardar([("x.txt", b"dos")], base=tmp_path)
    assert a.carpeta != b.carpeta and a.guardados[0].name == "x y_.txt"


def test_cargar_agrega_las_nuevas_y_reconoce_duplicadas(bd_corpus_copia, tmp_path):
    archivos = [(p.name, p.read_bytes()) for p in sorted(NOTAS.glob("*.txt"))]
    archivos.append(("repetida.txt", archivos[0][1]))
    subida = guardar(archivos + [("raro.docx", b"PK")], base=tmp_path)
    avances: list[tuple[int, int]] = []
    resumen = cargar(subida, bd_corpus_copia, al_avanzar=lambda h, t: avances.append((h, t)), procesos=1)
    assert (resumen.nuevas, resumen.duplicadas, resumen.rechazadas) == (3, 1, 1)
    assert avances[-1] == (4, 4) and len(avances) > 1  # la barra avanza por tandas
    otra = cargar(guardar(archivos, base=tmp_path), bd_corpus_copia, procesos=1)
    assert (otra.nuevas, otra.duplicadas) == (0, 4)
    assert otra.eventos_en_base == resumen.eventos_en_base


@pytest.fixture
def app_admin(bd_corpus_copia, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    shutil.copytree(RAIZ / "datos" / "catalogos", tmp_path / "catalogos")
    monkeypatch.setenv("ARTICULA_DB", str(bd_corpus_copia))
    monkeypatch.setenv("ARTICULA_CATALOGOS", str(tmp_path / "catalogos"))
    return lambda: AppTest.from_file(str(RAIZ / "app.py"), default_timeout=120)


def _titulos(at) -> list[str]:
    return [t.value for t in at.title]


@pytest.mark.parametrize("clave", [None, "secreta"])
def test_sin_la_clave_las_paginas_no_existen(app_admin, monkeypatch, clave):
    if clave:
        monkeypatch.setenv("ARTICULA_CLAVE_ADMIN", clave)
    else:
        monkeypatch.delenv("ARTICULA_CLAVE_ADMIN", raising=False)
    at = app_admin()
    at.run()
    assert not at.exception
    assert bool(at.text_input) == bool(clave)  # el formulario solo existe con clave configurada
    for pagina in ("paginas/cargar.py", "paginas/curaduria.py"):
        with pytest.raises(ValueError, match="navigation page"):  # no están registradas en esta sesión
            at.switch_page(pagina)
    if clave:
        at.text_input(key="admin_clave").input("incorrecta")
        at.button(key="admin_ingresar").click()
        at.run()
        assert "Clave incorrecta." in [e.value for e in at.error]
        with pytest.raises(ValueError, match="navigation page"):
            at.switch_page("paginas/cargar.py")


def test_con_la_clave_se_llega_a_las_dos_paginas(app_admin, monkeypatch):
    monkeypatch.setenv("ARTICULA_CLAVE_ADMIN", "secreta")
    at = app_admin()
    at.run()
    at.text_input(key="admin_clave").input("secreta")
    at.button(key="admin_ingresar").click()
    at.run()
    at.switch_page("paginas/cargar.py")
    at.run()
    assert "Cargar notas" in _titulos(at) and not at.exception
    at.switch_page("paginas/curaduria.py")
    at.run()
    assert "Curaduría del catálogo" in _titulos(at) and not at.exception
    assert at.selectbox(key="cur_organizacion").options  # hay organizaciones fuera del catálogo por revisar
