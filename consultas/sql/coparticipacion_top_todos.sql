-- Top N organizaciones y sus pares, sin filtros: de los marts organizacion_resumen y par_resumen.
WITH top AS (
    SELECT organizacion_id, eventos
    FROM organizacion_resumen
    ORDER BY eventos DESC, organizacion_id
    LIMIT ?
),
pares AS (
    SELECT organizacion_a, organizacion_b, eventos
    FROM par_resumen
    WHERE organizacion_a IN (SELECT organizacion_id FROM top)
      AND organizacion_b IN (SELECT organizacion_id FROM top)
),
celdas AS (
    SELECT organizacion_id AS organizacion_a, organizacion_id AS organizacion_b, eventos FROM top
    UNION ALL
    SELECT organizacion_a, organizacion_b, eventos FROM pares
)
SELECT oa.nombre AS organizacion_a, ob.nombre AS organizacion_b, c.eventos,
       oa.sigla AS sigla_a, ob.sigla AS sigla_b, oa.tipo AS tipo_a, ob.tipo AS tipo_b
FROM celdas c
JOIN organizaciones oa ON oa.organizacion_id = c.organizacion_a
JOIN organizaciones ob ON ob.organizacion_id = c.organizacion_b
ORDER BY c.eventos DESC, organizacion_a, organizacion_b
