"""Notas subidas desde el tablero: guardarlas con límites en una carpeta nueva y cargarlas a la base."""

from datos.subida.cargar import ResumenCarga, cargar
from datos.subida.guardar import LIMITES, Limites, Subida, carpeta_subidas, guardar

__all__ = ["LIMITES", "Limites", "ResumenCarga", "Subida", "cargar", "carpeta_subidas", "guardar"]
