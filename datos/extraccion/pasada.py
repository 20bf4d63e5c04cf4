"""Una sola pasada de autómata por la nota para el tipo de evento y los espacios.

tipo_evento busca sus palabras clave y espacios las cabezas donde probar sus regex, las dos al comienzo de una
palabra y en casi el mismo texto (título y cuerpo): un autómata con las llaves de ambos, sobre el texto plegado de
tipo_evento, recorre la nota una vez en vez de dos. Las cabezas plegadas ("mesa", "comision") hallan cada cabeza
tal cual y alguna forma más ("MESA", "Comision"): inicios de más, que la regex de espacios descarta (ver
`anclas.coincidencias_desde`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from datos.extraccion import espacios, tipo_evento


@dataclass(frozen=True)
class Pasada:
    """Lo que tipo_evento.clasificar y espacios.buscar necesitan del recorrido de la nota."""

    tipos: tipo_evento._Tipos
    plegado: tipo_evento.Plegado
    coincidencias_tipo: list[tuple[int, tuple]]  # = tipo_evento.coincidencias(plegado, tipos)
    inicios_espacios: list[list[int]]  # inicios de cada grupo de espacios.CABEZAS en el texto de espacios.buscar


@lru_cache(maxsize=8)
def _automata(tipos: tipo_evento._Tipos) -> ahocorasick.Automaton | None:
    """Llaves de `tipos.bordes` → (largo, entradas del tipo, máscara de grupos de espacios.CABEZAS)."""
    if not tipos.por_posicion:
        return None
    valores = {llave: (n, entradas, 0) for llave, (n, entradas) in tipos.bordes.items()}
    for grupo, cabezas in enumerate(espacios.CABEZAS):
        for cabeza in cabezas:
            llave = tipo_evento.plegar_llave(cabeza)
            if llave is None:
                return None
            n, entradas, mascara = valores.get(llave, (len(llave), (), 0))
            valores[llave] = (n, entradas, mascara | 1 << grupo)
    automata = ahocorasick.Automaton()
    for llave, valor in valores.items():
        automata.add_word(llave, valor)
    automata.make_automaton()
    return automata


def recorrer(titulo: str, cuerpo: str) -> Pasada | None:
    """El recorrido de la nota; None si el texto no se puede plegar (ver `tipo_evento.plegar`): cada módulo busca
    entonces por su cuenta."""
    tipos = tipo_evento.tipos()
    automata = _automata(tipos)
    if automata is None:
        return None
    plegado = tipo_evento.plegar(titulo or "", cuerpo or "")
    if plegado is None:
        return None
    # El texto de espacios es el título (sin bordes) + "\n" + el cuerpo, como `plegado.plano` sin su espacio
    # inicial, o solo el cuerpo.
    desplazamiento = 1 if espacios.con_titulo(plegado.cuerpo, titulo) else plegado.base
    coincidencias_tipo = []
    inicios: list[list[int]] = [[] for _ in espacios.CABEZAS]
    for fin, (n, entradas, mascara) in automata.iter(plegado.llaves):
        inicio = fin - n + 2  # tras el espacio de la llave
        if entradas:
            coincidencias_tipo.append((inicio, entradas))
        if mascara and inicio >= desplazamiento:
            for grupo, en_grupo in enumerate(inicios):
                if mascara >> grupo & 1:
                    en_grupo.append(inicio - desplazamiento)
    # El autómata da las llaves por su fin, y dos llaves ("mesa", "mesas") pueden empezar en el mismo sitio.
    return Pasada(tipos, plegado, coincidencias_tipo, [sorted(set(en_grupo)) for en_grupo in inicios])
