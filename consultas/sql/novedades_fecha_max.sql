-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Última fecha con eventos según los filtros (sin los años): el "hoy" de los datos para las novedades.
-- Desde el mart hechos_evento: con filtro de tema, una prueba de bits en vez del semi-join.
SELECT max(e.fecha) AS fecha_max
FROM hechos_evento e
WHERE e.fecha IS NOT NULL AND ({donde})
