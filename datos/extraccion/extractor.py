"""Orquesta la extracción: una NotaCruda entra, un dict de evento sale (ver docs/ARQUITECTURA.md)."""

from __future__ import annotations

from datetime import date

from datos.extraccion import (
    catalogos,
    encabezado,
    espacios,
    fechas,
    limpieza,
    lugares,
    oraciones,
    organizaciones,
    pasada,
    plegado,
    temas,
    tipo_evento,
)
from datos.extraccion.modelos import NotaCruda


def olvidar_textos() -> None:
    """Vacía las cachés por texto (normalizar, dividir): para medir sin aciertos de repetición."""
    catalogos.olvidar_textos()
    oraciones.olvidar_textos()
    encabezado.olvidar_textos()
    plegado.olvidar_textos()


def _anio(*isos: str | None) -> int | None:
    for iso in isos:
        if iso:
            return date.fromisoformat(iso).year
    return None


def extraer(nota: NotaCruda) -> dict:
    """Extrae todos los campos de ANOTACION.md de una nota, cada uno con su evidencia."""
    limpia = limpieza.limpiar(nota.texto, nota.titulo)
    titulo = limpia.titulo
    texto = limpia.texto

    cabecera = encabezado.leer(texto, fecha_declarada=nota.fecha)
    evento_fecha = fechas.fecha_evento(limpia.cuerpo, cabecera.fecha_publicacion)
    # Un solo recorrido de la nota para el tipo de evento, los espacios y las oficinas de lugares (None: cada uno
    # busca por su cuenta).
    recorrido = pasada.recorrer(titulo, limpia.cuerpo)
    ubicacion = lugares.ubicar(titulo, limpia.cuerpo, recorrido)
    halladas, pistas_temas = organizaciones.buscar_con_temas(limpia.cuerpo, titulo=titulo)
    tipo = tipo_evento.clasificar(titulo, limpia.cuerpo, recorrido)

    return {
        "archivo": nota.archivo,
        "titulo": titulo,
        "url": nota.url,
        "tipo_nota": cabecera.tipo_nota,
        "numero_nota": cabecera.numero_nota,
        "fecha_publicacion": cabecera.fecha_publicacion,
        "fecha_evento": evento_fecha.valor if evento_fecha else None,
        "anio": _anio(evento_fecha.valor if evento_fecha else None, cabecera.fecha_publicacion),
        "oficina": ubicacion.oficina,
        "tipo_oficina": ubicacion.tipo_oficina,
        "pais": ubicacion.pais,
        "region": ubicacion.region,
        "tipo_evento": tipo.valor if tipo else None,
        "organizaciones": halladas,  # ya como dicts del evento
        "espacios": [
            {"nombre": h.valor, "evidencia": h.evidencia} for h in espacios.buscar(
                limpia.cuerpo, titulo, recorrido.inicios_espacios if recorrido else None
            )
        ],
        "temas": [
            {"tema": h.valor, "evidencia": h.evidencia}
            for h in temas.clasificar(titulo, limpia.cuerpo, pistas_temas)
        ],
        "evidencias": {
            "fecha_publicacion": cabecera.evidencia_fecha,
            "fecha_evento": evento_fecha.evidencia if evento_fecha else "",
            "oficina": ubicacion.evidencia_oficina,
            "region": ubicacion.evidencia_region,
            "tipo_evento": tipo.evidencia if tipo else "",
        },
        "texto": texto,
        "sintetica": nota.sintetica,
        "formato": nota.formato,
    }
