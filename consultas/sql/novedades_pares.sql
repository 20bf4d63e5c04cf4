-- Pares de organizaciones con más eventos compartidos en el periodo que en el anterior (mayor alza primero).
WITH base AS (
    SELECT e.evento_id, e.fecha FROM eventos e WHERE e.fecha IS NOT NULL AND ({donde})
),
conteo AS (
    SELECT p.organizacion_a, p.organizacion_b,
           count(*) FILTER (WHERE b.fecha BETWEEN ? AND ?) AS eventos,
           count(*) FILTER (WHERE b.fecha BETWEEN ? AND ?) AS eventos_anterior
    FROM evento_par p
    JOIN base b ON b.evento_id = p.evento_id
    GROUP BY p.organizacion_a, p.organizacion_b
)
SELECT oa.nombre AS organizacion_a, ob.nombre AS organizacion_b,
       c.eventos, c.eventos_anterior, c.eventos - c.eventos_anterior AS alza
FROM conteo c
JOIN organizaciones oa ON oa.organizacion_id = c.organizacion_a
JOIN organizaciones ob ON ob.organizacion_id = c.organizacion_b
WHERE c.eventos > c.eventos_anterior
ORDER BY alza DESC, c.eventos DESC, organizacion_a, organizacion_b
LIMIT ?
