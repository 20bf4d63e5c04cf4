-- La página Coparticipación sin filtros (ver coparticipacion_panorama.sql), de los marts organizacion_resumen
-- y par_resumen. Parámetros: K, N (pares), organización elegida (dos veces; NULL = la primera), socios, M.
WITH top AS MATERIALIZED (
    SELECT organizacion_id, eventos, row_number() OVER (ORDER BY eventos DESC, organizacion_id) AS puesto
    FROM organizacion_resumen
    ORDER BY eventos DESC, organizacion_id
    LIMIT ?
),
pares AS (
    SELECT organizacion_a, organizacion_b, eventos
    FROM par_resumen
    ORDER BY eventos DESC, organizacion_a, organizacion_b
    LIMIT ?
),
elegida AS (
    SELECT CASE WHEN CAST(? AS VARCHAR) IS NULL
                THEN (SELECT t.organizacion_id FROM top t JOIN organizaciones o USING (organizacion_id)
                      ORDER BY t.eventos DESC, o.nombre LIMIT 1)
                ELSE (SELECT organizacion_id FROM organizaciones WHERE nombre = CAST(? AS VARCHAR)) END AS organizacion_id
),
socios AS (
    SELECT CASE WHEN p.organizacion_a = (SELECT organizacion_id FROM elegida)
                THEN p.organizacion_b ELSE p.organizacion_a END AS organizacion_id,
           p.eventos
    FROM par_resumen p
    WHERE p.organizacion_a = (SELECT organizacion_id FROM elegida) OR p.organizacion_b = (SELECT organizacion_id FROM elegida)
),
socios_n AS (
    SELECT s.organizacion_id, s.eventos
    FROM socios s JOIN organizaciones o USING (organizacion_id)
    ORDER BY s.eventos DESC, o.nombre
    LIMIT ?
),
principales AS (
    SELECT organizacion_id, eventos
    FROM organizacion_resumen
    ORDER BY eventos DESC, nombre
    LIMIT ?
),
partes AS (
    SELECT 'celda' AS parte, organizacion_id AS a, organizacion_id AS b, eventos, puesto AS puesto_a, puesto AS puesto_b
    FROM top
    UNION ALL
    SELECT 'celda', p.organizacion_a, p.organizacion_b, p.eventos, ta.puesto, tb.puesto
    FROM par_resumen p
    JOIN top ta ON ta.organizacion_id = p.organizacion_a
    JOIN top tb ON tb.organizacion_id = p.organizacion_b
    UNION ALL
    SELECT 'par', organizacion_a, organizacion_b, eventos, NULL, NULL FROM pares
    UNION ALL
    SELECT 'socio', organizacion_id, NULL, eventos, NULL, NULL FROM socios_n
    UNION ALL
    SELECT 'principal', organizacion_id, NULL, eventos, NULL, NULL FROM principales
)
SELECT p.parte, oa.nombre AS organizacion_a, ob.nombre AS organizacion_b, p.eventos,
       oa.sigla AS sigla_a, ob.sigla AS sigla_b, oa.tipo AS tipo_a, ob.tipo AS tipo_b, p.puesto_a, p.puesto_b
FROM partes p
JOIN organizaciones oa ON oa.organizacion_id = p.a
LEFT JOIN organizaciones ob ON ob.organizacion_id = p.b
ORDER BY p.parte, p.eventos DESC, organizacion_a, organizacion_b
