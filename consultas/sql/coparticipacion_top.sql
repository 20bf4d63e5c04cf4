-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Las N organizaciones con más eventos filtrados (filas a = b, con sus eventos) y los eventos que
-- comparten entre ellas (filas a < b). Todo sale de una sola lectura filtrada del mart
-- hechos_organizacion: los pares entre las N se arman uniendo esas filas por evento, sin recorrer
-- los millones de pares de hechos_par.
WITH base AS MATERIALIZED (
    SELECT e.evento_id, e.organizacion_id
    FROM hechos_organizacion e
    WHERE {donde}
),
top AS (
    SELECT organizacion_id, count(*) AS eventos
    FROM base
    GROUP BY organizacion_id
    ORDER BY eventos DESC, organizacion_id
    LIMIT ?
),
sel AS (
    SELECT evento_id, organizacion_id FROM base WHERE organizacion_id IN (SELECT organizacion_id FROM top)
),
pares AS (
    SELECT a.organizacion_id AS organizacion_a, b.organizacion_id AS organizacion_b, count(*) AS eventos
    FROM sel a
    JOIN sel b ON b.evento_id = a.evento_id AND a.organizacion_id < b.organizacion_id
    GROUP BY ALL
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
