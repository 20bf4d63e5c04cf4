-- Pares de organizaciones con más eventos compartidos, sin filtros: agrega el mart evento_par directamente.
WITH conteo AS (
    SELECT p.organizacion_a, p.organizacion_b, count(*) AS eventos
    FROM evento_par p
    GROUP BY p.organizacion_a, p.organizacion_b
    ORDER BY eventos DESC, p.organizacion_a, p.organizacion_b
    LIMIT ?
)
SELECT oa.nombre AS organizacion_a, ob.nombre AS organizacion_b, c.eventos,
       oa.sigla AS sigla_a, ob.sigla AS sigla_b
FROM conteo c
JOIN organizaciones oa ON oa.organizacion_id = c.organizacion_a
JOIN organizaciones ob ON ob.organizacion_id = c.organizacion_b
ORDER BY c.eventos DESC, organizacion_a, organizacion_b
