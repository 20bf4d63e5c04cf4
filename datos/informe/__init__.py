"""Informe autocontenido para directivos: un HTML que se abre sin internet (y un PDF si hay Chromium)."""

from datos.informe.html import construir_html
from datos.informe.modelo import DatosInforme
from datos.informe.pdf import a_pdf, hay_chromium
from datos.informe.recopilar import recopilar

__all__ = ["DatosInforme", "a_pdf", "construir_html", "hay_chromium", "recopilar"]
