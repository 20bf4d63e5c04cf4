-- Pares de organizaciones con más eventos compartidos, sin filtros: del mart par_resumen.
WITH conteo AS (
    SELECT organizacion_a, organizacion_b, eventos
    FROM par_resumen
    ORDER BY eventos DESC, organizacion_a, organizacion_b
    LIMIT ?
)
SELECT oa.nombre AS organizacion_a, ob.nombre AS organizacion_b, c.eventos,
       oa.sigla AS sigla_a, ob.sigla AS sigla_b
FROM conteo c
JOIN organizaciones oa ON oa.organizacion_id = c.organizacion_a
JOIN organizaciones ob ON ob.organizacion_id = c.organizacion_b
ORDER BY c.eventos DESC, organizacion_a, organizacion_b
