-- Las N organizaciones con más eventos filtrados (filas a = b, con sus eventos)
-- y los eventos que comparten entre ellas (filas a < b, desde el mart evento_par).
WITH ev AS (
    SELECT e.evento_id FROM eventos e WHERE {donde}
),
top AS (
    SELECT eo.organizacion_id, count(*) AS eventos
    FROM evento_organizacion eo
    WHERE eo.evento_id IN (SELECT evento_id FROM ev)
    GROUP BY eo.organizacion_id
    ORDER BY eventos DESC, eo.organizacion_id
    LIMIT ?
),
pares AS (
    SELECT p.organizacion_a, p.organizacion_b, count(*) AS eventos
    FROM evento_par p
    WHERE p.organizacion_a IN (SELECT organizacion_id FROM top)
      AND p.organizacion_b IN (SELECT organizacion_id FROM top)
      AND p.evento_id IN (SELECT evento_id FROM ev)
    GROUP BY p.organizacion_a, p.organizacion_b
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
