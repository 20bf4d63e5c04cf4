-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Cuántos eventos cumplen los filtros.
SELECT count(*) AS eventos FROM hechos_evento e WHERE {donde}
