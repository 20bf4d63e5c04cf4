"""Construcción de la base DuckDB: esquema, carga incremental, reemplazo atómico y marts."""
