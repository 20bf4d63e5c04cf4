-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Los eventos filtrados de una organización, en una tabla temporal de esta conexión (cursor): las consultas
-- organizacion_*_temporal.sql de la página Organizaciones la leen en vez de filtrar el mart cinco veces.
CREATE OR REPLACE TEMP TABLE _eventos_organizacion AS
SELECT e.evento_id, e.fecha, e.region, e.pais
FROM hechos_organizacion e
WHERE {donde}
  AND e.organizacion_id = ?
