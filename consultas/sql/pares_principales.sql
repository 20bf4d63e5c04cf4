-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Pares de organizaciones con más eventos compartidos entre los filtrados (top N), desde el mart
-- hechos_par (los pares con los campos de su evento, ordenados por fecha: sin unir con eventos).
WITH conteo AS (
    SELECT e.organizacion_a, e.organizacion_b, count(*) AS eventos
    FROM hechos_par e
    WHERE {donde}
    GROUP BY e.organizacion_a, e.organizacion_b
    ORDER BY eventos DESC, e.organizacion_a, e.organizacion_b
    LIMIT ?
)
SELECT oa.nombre AS organizacion_a, ob.nombre AS organizacion_b, c.eventos,
       oa.sigla AS sigla_a, ob.sigla AS sigla_b
FROM conteo c
JOIN organizaciones oa ON oa.organizacion_id = c.organizacion_a
JOIN organizaciones ob ON ob.organizacion_id = c.organizacion_b
ORDER BY c.eventos DESC, organizacion_a, organizacion_b
