"""Las decisiones del analista sobre el catálogo: agregar, alias, ignorar y deshacer.

Cada una: valida → escribe el CSV → reextrae solo las notas afectadas → registra en la bitácora.
Si la reextracción falla (p. ej. hay una construcción en curso), el CSV vuelve a como estaba y no
queda nada registrado: catálogo y base nunca quedan desalineados.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from datos.curaduria import cambios as bitacora
from datos.curaduria import catalogo
from datos.curaduria.catalogo import ErrorCatalogo, Fila
from datos.curaduria.reextraer import Reextraccion, limpiar_caches, reextraer


@dataclass
class Resultado:
    cambio: bitacora.Cambio
    reextraccion: Reextraccion

    def texto(self) -> str:
        r = self.reextraccion
        segundos = f"{r.segundos:.1f}".replace(".", ",")
        return f"Cambio n.º {self.cambio.id}: {self.cambio.descripcion()}. Notas reextraídas: {r.notas} ({segundos} s)."


def _con_respaldo(cambiar: Callable[[], None], reextraer_fn: Callable[[], Reextraccion]) -> Reextraccion:
    """Aplica `cambiar` a los CSV y reextrae; si algo falla, restaura los CSV tal como estaban."""
    archivos = [catalogo.ruta(catalogo.ARCHIVO_ORGANIZACIONES), catalogo.ruta(catalogo.ARCHIVO_IGNORADAS)]
    respaldo = {p: (p.read_bytes() if p.is_file() else None) for p in archivos}
    try:
        cambiar()
        return reextraer_fn()
    except BaseException:
        for p, datos in respaldo.items():
            if datos is None:
                p.unlink(missing_ok=True)
            else:
                tmp = p.with_name(f".{p.name}.restaurar-{os.getpid()}")
                tmp.write_bytes(datos)
                os.replace(tmp, p)
        limpiar_caches()
        raise


def _libre(forma: str, que: str) -> None:
    duenio = catalogo.duenio_de(forma)
    if duenio is not None:
        raise ErrorCatalogo(f"{que} «{forma}» ya está en el catálogo como «{duenio.nombre}».")


def agregar(nombre: str, tipo: str, sigla: str = "", ruta_bd: str | os.PathLike | None = None) -> Resultado:
    """Agrega `nombre` al catálogo como organización nueva del `tipo` dado (y su sigla, si la tiene)."""
    nombre = catalogo.validar_nombre(nombre)
    tipo = catalogo.validar_tipo(tipo)
    sigla = catalogo.validar_nombre(sigla, "La sigla") if sigla and sigla.strip() else ""
    with catalogo.candado():
        _libre(nombre, "El nombre")
        if sigla:
            _libre(sigla, "La sigla")
        r = _con_respaldo(
            lambda: catalogo.agregar_fila(Fila(nombre, sigla, tipo)),
            lambda: reextraer(formas=[nombre, sigla], nombres=[nombre], ruta_bd=ruta_bd),
        )
        cambio = bitacora.registrar("agregar", nombre, tipo=tipo, sigla=sigla, notas=r.notas)
    return Resultado(cambio, r)


def alias(forma: str, destino: str, ruta_bd: str | os.PathLike | None = None) -> Resultado:
    """Agrega `forma` (p. ej. un nombre hallado fuera del catálogo) como alias de la organización `destino`."""
    forma = catalogo.validar_nombre(forma, "El alias")
    with catalogo.candado():
        fila = catalogo.buscar(destino) or catalogo.duenio_de(destino)  # también por sigla o alias
        if fila is None:
            raise ErrorCatalogo(f"«{destino}» no está en el catálogo: agréguela primero como organización nueva.")
        _libre(forma, "El alias")
        fila.alias.append(forma)
        r = _con_respaldo(
            lambda: catalogo.reemplazar_fila(fila),
            lambda: reextraer(formas=[forma], nombres=[forma], ruta_bd=ruta_bd),
        )
        cambio = bitacora.registrar("alias", forma, destino=fila.nombre, notas=r.notas)
    return Resultado(cambio, r)


def ignorar(nombre: str) -> Resultado:
    """Deja de proponer `nombre` en la curaduría (sigue en los datos como organización fuera de catálogo)."""
    nombre = catalogo.validar_nombre(nombre)
    with catalogo.candado():
        if catalogo.clave(nombre) in {catalogo.clave(n) for n in catalogo.ignoradas()}:
            raise ErrorCatalogo(f"«{nombre}» ya está entre las ignoradas.")
        catalogo.agregar_ignorada(nombre)
        cambio = bitacora.registrar("ignorar", nombre)
    return Resultado(cambio, Reextraccion())


def _vigente(cambio_id: int) -> bitacora.Cambio:
    todos = bitacora.leer_cambios()
    cambio = next((c for c in todos if c.id == cambio_id), None)
    if cambio is None:
        raise ErrorCatalogo(f"No existe el cambio n.º {cambio_id}.")
    if cambio.accion == "deshacer":
        raise ErrorCatalogo("Un «deshacer» no se deshace: vuelva a aplicar la decisión original.")
    if cambio.deshecho:
        raise ErrorCatalogo(f"El cambio n.º {cambio_id} ya fue deshecho.")
    if cambio.accion == "agregar":
        clave = catalogo.clave(cambio.nombre)
        dependientes = [
            c for c in todos
            if c.accion == "alias" and not c.deshecho and c.id > cambio.id and catalogo.clave(c.destino) == clave
        ]
        if dependientes:
            raise ErrorCatalogo(
                f"Deshaga primero el cambio n.º {dependientes[-1].id} (un alias de «{cambio.nombre}»)."
            )
    return cambio


def deshacer(cambio_id: int, ruta_bd: str | os.PathLike | None = None) -> Resultado:
    """Revierte el cambio `cambio_id` en el catálogo y en las notas afectadas; queda registrado."""
    with catalogo.candado():
        cambio = _vigente(int(cambio_id))
        if cambio.accion == "agregar":
            fila = catalogo.buscar(cambio.nombre)
            if fila is None:
                raise ErrorCatalogo(f"«{cambio.nombre}» ya no está en el catálogo.")
            r = _con_respaldo(
                lambda: catalogo.quitar_fila(fila),
                lambda: reextraer(formas=fila.formas(), nombres=[fila.nombre], ruta_bd=ruta_bd),
            )
            datos = {"tipo": fila.tipo, "sigla": fila.sigla, "alias_previos": "|".join(fila.alias)}
        elif cambio.accion == "alias":
            fila = catalogo.buscar(cambio.destino)
            clave = catalogo.clave(cambio.nombre)
            if fila is None or clave not in {catalogo.clave(a) for a in fila.alias}:
                raise ErrorCatalogo(f"«{cambio.nombre}» ya no es alias de «{cambio.destino}».")
            fila.alias = [a for a in fila.alias if catalogo.clave(a) != clave]
            r = _con_respaldo(
                lambda: catalogo.reemplazar_fila(fila),
                lambda: reextraer(formas=[cambio.nombre], nombres=[fila.nombre], ruta_bd=ruta_bd),
            )
            datos = {"destino": fila.nombre}
        else:
            if not catalogo.quitar_ignorada(cambio.nombre):
                raise ErrorCatalogo(f"«{cambio.nombre}» ya no está entre las ignoradas.")
            r = Reextraccion()
            datos = {}
        nuevo = bitacora.registrar("deshacer", cambio.nombre, deshace=cambio.id, notas=r.notas, **datos)
    return Resultado(nuevo, r)
