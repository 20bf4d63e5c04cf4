"""Las pestañas de cada página: su clave de estado y sus nombres, en un solo lugar.

Solo corre y se dibuja la pestaña abierta (`st.tabs(..., on_change="rerun")` y `.open`): un clic envía los
gráficos de una pestaña y no los de la página entera. Las pruebas y los benchmarks recorren las pestañas con
esta misma lista. Módulo sin Streamlit: se importa sin correr ninguna página.
"""

from __future__ import annotations

from typing import NamedTuple


class Pestanas(NamedTuple):
    clave: str  # st.session_state[clave] es el nombre de la pestaña abierta
    nombres: tuple[str, ...]  # la primera es la que se abre al entrar


REGIONES = Pestanas("rg_vista", ("Perú", "Exterior"))
TEMAS = Pestanas("tm_vista", ("En el tiempo", "Por departamento"))
COPARTICIPACION = Pestanas("cp_vista", ("Matriz", "Red y socios", "Pares frecuentes"))
ORGANIZACIONES = Pestanas("org_vista", ("Cuándo y dónde", "Temas y socios", "Sus eventos"))

POR_PAGINA = {
    "paginas/regiones.py": REGIONES,
    "paginas/temas.py": TEMAS,
    "paginas/coparticipacion.py": COPARTICIPACION,
    "paginas/organizaciones.py": ORGANIZACIONES,
}
