-- Las N organizaciones con más eventos filtrados (filas a = b, con sus eventos, del mart
-- hechos_organizacion) y los eventos que comparten entre ellas (filas a < b, del mart hechos_par).
WITH top AS (
    SELECT e.organizacion_id, count(*) AS eventos
    FROM hechos_organizacion e
    WHERE {donde}
    GROUP BY e.organizacion_id
    ORDER BY eventos DESC, e.organizacion_id
    LIMIT ?
),
pares AS (
    SELECT e.organizacion_a, e.organizacion_b, count(*) AS eventos
    FROM hechos_par e
    WHERE e.organizacion_a IN (SELECT organizacion_id FROM top)
      AND e.organizacion_b IN (SELECT organizacion_id FROM top)
      AND ({donde})
    GROUP BY e.organizacion_a, e.organizacion_b
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
