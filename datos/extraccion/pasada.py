"""Una sola pasada de autómata por la nota para el tipo de evento, los espacios y las oficinas de lugares.

tipo_evento busca sus palabras clave y espacios las cabezas donde probar sus regex, las dos al comienzo de una
palabra y en casi el mismo texto (título y cuerpo): un autómata con las llaves de ambos, sobre el texto plegado de
tipo_evento, recorre la nota una vez en vez de dos. Las cabezas plegadas ("mesa", "comision") hallan cada cabeza
tal cual y alguna forma más ("MESA", "Comision"): inicios de más, que la regex de espacios descarta (ver
`anclas.coincidencias_desde`). Lo mismo con las raíces de oficina de lugares (`lugares.RAICES_OFICINA`), que
lugares buscaba en el título, el primer párrafo y a veces el cuerpo con su propio autómata.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from datos.extraccion import espacios, lugares, tipo_evento


@dataclass(frozen=True)
class Pasada:
    """Lo que tipo_evento.clasificar, espacios.buscar y lugares.ubicar necesitan del recorrido de la nota."""

    tipos: tipo_evento._Tipos
    plegado: tipo_evento.Plegado
    coincidencias_tipo: list[tuple[int, tuple]]  # = tipo_evento.coincidencias(plegado, tipos)
    inicios_espacios: list[list[int]]  # inicios de cada grupo de espacios.CABEZAS en el texto de espacios.buscar
    inicios_oficina: list[list[int]]  # inicios de cada grupo de lugares.RAICES_OFICINA en `plegado.plano`


@lru_cache(maxsize=8)
def _automata(tipos: tipo_evento._Tipos) -> ahocorasick.Automaton | None:
    """Llaves de `tipos.bordes` → (largo, entradas del tipo, grupos de la llave): los grupos son los de
    espacios.CABEZAS y luego los de lugares.RAICES_OFICINA. Los grupos van como tupla de índices, no como
    máscara: el recorrido visita solo los de cada llave, no todos."""
    if not tipos.por_posicion:
        return None
    valores = {llave: (n, entradas, ()) for llave, (n, entradas) in tipos.bordes.items()}
    for grupo, cabezas in enumerate((*espacios.CABEZAS, *lugares.RAICES_OFICINA)):
        for cabeza in cabezas:
            llave = tipo_evento.plegar_llave(cabeza)
            if llave is None:
                return None
            n, entradas, grupos = valores.get(llave, (len(llave), (), ()))
            if grupo not in grupos:
                valores[llave] = (n, entradas, (*grupos, grupo))
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
    inicios: list[list[int]] = [[] for _ in range(len(espacios.CABEZAS) + len(lugares.RAICES_OFICINA))]
    for fin, (n, entradas, grupos) in automata.iter(plegado.llaves):
        inicio = fin - n + 2  # tras el espacio de la llave
        if entradas:
            coincidencias_tipo.append((inicio, entradas))
        for grupo in grupos:
            inicios[grupo].append(inicio)
    # El autómata da las llaves por su fin, y dos llaves ("mesa", "mesas") pueden empezar en el mismo sitio.
    inicios = [sorted(set(en_grupo)) for en_grupo in inicios]
    n_espacios = len(espacios.CABEZAS)
    inicios_espacios = [[p - desplazamiento for p in g if p >= desplazamiento] for g in inicios[:n_espacios]]
    return Pasada(tipos, plegado, coincidencias_tipo, inicios_espacios, inicios[n_espacios:])
