"""Vocabulario del generador sintético: lo toma de `datos/catalogos/*.csv` si existen.

Así las notas sintéticas nombran las mismas organizaciones, oficinas y países que
el extractor conoce (tasas de acierto realistas). Si faltan los CSV, usa una
lista mínima incorporada para que el generador funcione en cualquier árbol.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

CARPETA_CATALOGOS = Path(__file__).resolve().parent.parent / "datos" / "catalogos"

# (departamento, capital): las 24 regiones y la Provincia Constitucional del Callao.
DEPARTAMENTOS: tuple[tuple[str, str], ...] = (
    ("Amazonas", "Chachapoyas"), ("Áncash", "Huaraz"), ("Apurímac", "Abancay"), ("Arequipa", "Arequipa"),
    ("Ayacucho", "Ayacucho"), ("Cajamarca", "Cajamarca"), ("Callao", "Callao"), ("Cusco", "Cusco"),
    ("Huancavelica", "Huancavelica"), ("Huánuco", "Huánuco"), ("Ica", "Ica"), ("Junín", "Huancayo"),
    ("La Libertad", "Trujillo"), ("Lambayeque", "Chiclayo"), ("Lima", "Lima"), ("Loreto", "Iquitos"),
    ("Madre de Dios", "Puerto Maldonado"), ("Moquegua", "Moquegua"), ("Pasco", "Cerro de Pasco"),
    ("Piura", "Piura"), ("Puno", "Puno"), ("San Martín", "Moyobamba"), ("Tacna", "Tacna"),
    ("Tumbes", "Tumbes"), ("Ucayali", "Pucallpa"),
)

# (país, ciudad de la misión, es consulado): para "Consulado General del Perú en X" / "Embajada del Perú en X".
MISIONES: tuple[tuple[str, str, bool], ...] = (
    ("Chile", "Santiago", True), ("Chile", "Arica", True), ("Argentina", "Buenos Aires", True),
    ("Estados Unidos", "Houston", True), ("Estados Unidos", "Miami", True), ("Estados Unidos", "Nueva York", True),
    ("Estados Unidos", "Los Ángeles", True), ("España", "Madrid", True), ("España", "Barcelona", True),
    ("Italia", "Milán", True), ("Italia", "Roma", False), ("Japón", "Tokio", True), ("Colombia", "Leticia", True),
    ("Colombia", "Bogotá", False), ("Ecuador", "Guayaquil", True), ("Bolivia", "La Paz", True),
    ("Brasil", "São Paulo", True), ("México", "Ciudad de México", False), ("Canadá", "Toronto", True),
    ("Alemania", "Berlín", False), ("Francia", "París", False), ("Portugal", "Lisboa", False),
    ("China", "Shanghái", True), ("Corea del Sur", "Seúl", False), ("Australia", "Sídney", True),
    ("Venezuela", "Caracas", True), ("Paraguay", "Asunción", False), ("Uruguay", "Montevideo", False),
    ("Panamá", "Panamá", False), ("Costa Rica", "San José", False), ("Reino Unido", "Londres", False),
    ("Suiza", "Ginebra", True), ("Países Bajos", "Ámsterdam", True), ("Bélgica", "Bruselas", False),
    ("India", "Nueva Delhi", False), ("Sudáfrica", "Pretoria", False), ("Turquía", "Ankara", False),
    ("Nueva Zelanda", "Wellington", False), ("Suecia", "Estocolmo", False), ("Israel", "Tel Aviv", False),
)

# (nombre, sigla, tipo)
ORGANIZACIONES: tuple[tuple[str, str | None, str], ...] = (
    ("Organización Internacional para las Migraciones", "OIM", "internacional"),
    ("Alto Comisionado de las Naciones Unidas para los Refugiados", "ACNUR", "internacional"),
    ("Fondo de las Naciones Unidas para la Infancia", "UNICEF", "internacional"),
    ("Programa de las Naciones Unidas para el Desarrollo", "PNUD", "internacional"),
    ("Organización de las Naciones Unidas para la Alimentación y la Agricultura", "FAO", "internacional"),
    ("Organización Panamericana de la Salud", "OPS", "internacional"),
    ("Banco Interamericano de Desarrollo", "BID", "internacional"),
    ("Unión Europea", "UE", "internacional"),
    ("Defensoría del Pueblo", None, "gobierno_nacional"),
    ("Superintendencia Nacional de Migraciones", "Migraciones", "gobierno_nacional"),
    ("Superintendencia Nacional de Aduanas y de Administración Tributaria", "Sunat", "gobierno_nacional"),
    ("Superintendencia Nacional de Fiscalización Laboral", "Sunafil", "gobierno_nacional"),
    ("Instituto Nacional de Defensa de la Competencia y de la Protección de la Propiedad Intelectual",
     "Indecopi", "gobierno_nacional"),
    ("Registro Nacional de Identificación y Estado Civil", "Reniec", "gobierno_nacional"),
    ("Comisión de Promoción del Perú para la Exportación y el Turismo", "Promperú", "gobierno_nacional"),
    ("Agencia Peruana de Cooperación Internacional", "APCI", "gobierno_nacional"),
    ("Policía Nacional del Perú", "PNP", "policia_fuerzas_armadas"),
    ("Ejército del Perú", None, "policia_fuerzas_armadas"),
    ("Universidad Nacional Mayor de San Marcos", "UNMSM", "academia"),
    ("Pontificia Universidad Católica del Perú", "PUCP", "academia"),
    ("Cámara de Comercio de Lima", "CCL", "privado"),
    ("Sociedad de Comercio Exterior del Perú", "Comexperú", "privado"),
    ("Cruz Roja Peruana", None, "sociedad_civil"),
    ("Save the Children", None, "sociedad_civil"),
    ("Consejo Noruego para Refugiados", "NRC", "sociedad_civil"),
    ("Agencia de los Estados Unidos para el Desarrollo Internacional", "USAID", "gobierno_extranjero"),
    ("Agencia Española de Cooperación Internacional para el Desarrollo", "AECID", "gobierno_extranjero"),
    ("Agencia de Cooperación Internacional del Japón", "JICA", "gobierno_extranjero"),
)

# Ministerios por la cabeza que se usa en listas coordinadas ("los Ministerios de Trabajo, Interior y Educación").
MINISTERIOS: tuple[str, ...] = (
    "Trabajo y Promoción del Empleo", "Interior", "Educación", "Salud", "la Mujer y Poblaciones Vulnerables",
    "Cultura", "Comercio Exterior y Turismo", "Desarrollo e Inclusión Social", "la Producción", "Ambiente",
    "Economía y Finanzas", "Justicia y Derechos Humanos", "Desarrollo Agrario y Riego", "Energía y Minas",
)
DIRECCIONES_REGIONALES: tuple[str, ...] = (
    "Salud", "Trabajo", "Educación", "Transporte", "Vivienda", "Turismo", "Producción", "Comercio Exterior",
)


@dataclass(frozen=True)
class Vocabulario:
    """Listas con las que el generador arma cada nota (tuplas: orden estable = bytes estables)."""

    departamentos: tuple[tuple[str, str], ...]
    misiones: tuple[tuple[str, str, bool], ...]
    organizaciones: tuple[tuple[str, str | None, str], ...]
    oficinas_desconcentradas: tuple[tuple[str, str], ...]  # (oficina, departamento)


def _leer(ruta: Path) -> list[dict]:
    if not ruta.is_file():
        return []
    with ruta.open(encoding="utf-8-sig", newline="") as f:
        return [{(k or "").strip(): (v or "").strip() for k, v in fila.items()} for fila in csv.DictReader(f)]


def cargar(carpeta: Path | None = CARPETA_CATALOGOS) -> Vocabulario:
    """Vocabulario desde los catálogos si existen (unido a la lista incorporada), si no la incorporada."""
    departamentos = list(DEPARTAMENTOS)
    misiones = list(MISIONES)
    organizaciones = list(ORGANIZACIONES)
    oficinas = [(f"Cancillería {cap}", dep) for dep, cap in DEPARTAMENTOS if dep not in ("Lima", "Callao")]
    if carpeta is not None:
        conocidas = {nombre for nombre, _, _ in organizaciones}
        for fila in _leer(carpeta / "organizaciones.csv"):
            nombre, tipo = fila.get("nombre", ""), fila.get("tipo", "")
            # Las listas coordinadas de ministerios se generan aparte; la Cancillería no cuenta (ANOTACION.md).
            if not nombre or nombre in conocidas or "Relaciones Exteriores" in nombre:
                continue
            conocidas.add(nombre)
            organizaciones.append((nombre, fila.get("sigla") or None, tipo or "sociedad_civil"))
        vistas_misiones = {(p, c) for p, c, _ in misiones}
        vistas_oficinas = {o for o, _ in oficinas}
        for fila in _leer(carpeta / "oficinas.csv"):
            oficina, tipo = fila.get("oficina", ""), fila.get("tipo_oficina", "")
            if tipo == "oficina_desconcentrada" and oficina and fila.get("departamento"):
                if oficina not in vistas_oficinas:
                    vistas_oficinas.add(oficina)
                    oficinas.append((oficina, fila["departamento"]))
            elif tipo == "mision_exterior" and fila.get("pais") and fila.get("ciudad"):
                clave = (fila["pais"], fila["ciudad"])
                if clave not in vistas_misiones:
                    vistas_misiones.add(clave)
                    misiones.append((fila["pais"], fila["ciudad"], oficina.startswith("Consulado")))
    return Vocabulario(
        departamentos=tuple(departamentos),
        misiones=tuple(misiones),
        organizaciones=tuple(organizaciones),
        oficinas_desconcentradas=tuple(oficinas),
    )
