-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Los eventos más recientes entre los filtrados (los sin fecha al final): se eligen en el mart hechos_evento
-- (ordenado por fecha, tema por bits) y solo para esos pocos se leen título y lugar en eventos.
WITH ids AS (
    SELECT e.evento_id
    FROM hechos_evento e
    WHERE {donde}
    ORDER BY e.fecha DESC NULLS LAST, e.evento_id DESC
    LIMIT ?
)
SELECT x.evento_id, x.fecha, x.titulo, x.oficina, x.region, x.pais, x.tipo_evento
FROM eventos x
WHERE x.evento_id IN (SELECT evento_id FROM ids)
ORDER BY x.fecha DESC NULLS LAST, x.evento_id DESC
