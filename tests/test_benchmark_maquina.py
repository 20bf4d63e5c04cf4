"""La ficha de la máquina del benchmark dice con qué intérprete se midió (cambia la extracción ~11 %)."""

from __future__ import annotations

from pathlib import Path

from benchmarks import medir


def test_distingue_una_python_con_libpython_compartida(tmp_path: Path) -> None:
    compartida = tmp_path / "maps_pyenv"
    compartida.write_text("7f06 r-xp 00000000 08:01 12 /root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0\n")
    estatica = tmp_path / "maps_debian"
    estatica.write_text("5581 r-xp 00000000 08:01 34 /usr/bin/python3.11\n")
    assert medir.libpython_compartida(compartida) is True
    assert medir.libpython_compartida(estatica) is False
    assert medir.libpython_compartida(tmp_path / "no_existe") is None


def test_la_ficha_nombra_el_ejecutable_que_corre() -> None:
    ficha = medir.maquina()
    assert Path(ficha["python_ejecutable"]).is_file()
