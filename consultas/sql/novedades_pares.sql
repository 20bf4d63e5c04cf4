-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Pares de organizaciones con más eventos compartidos en el periodo que en el anterior (mayor alza primero).
-- Desde el mart hechos_par (los pares con los campos de su evento, ordenados por fecha): solo se leen los dos
-- periodos, del comienzo del anterior al fin del actual (el actual, desde el primer parámetro); un par sin
-- eventos en ellos no puede estar en alza.
WITH conteo AS (
    SELECT e.organizacion_a, e.organizacion_b,
           count(*) FILTER (WHERE e.fecha >= ?) AS eventos,
           count(*) FILTER (WHERE e.fecha < ?) AS eventos_anterior
    FROM hechos_par e
    WHERE e.fecha BETWEEN ? AND ? AND ({donde})
    GROUP BY e.organizacion_a, e.organizacion_b
)
SELECT oa.nombre AS organizacion_a, ob.nombre AS organizacion_b,
       c.eventos, c.eventos_anterior, c.eventos - c.eventos_anterior AS alza
FROM conteo c
JOIN organizaciones oa ON oa.organizacion_id = c.organizacion_a
JOIN organizaciones ob ON ob.organizacion_id = c.organizacion_b
WHERE c.eventos > c.eventos_anterior
ORDER BY alza DESC, c.eventos DESC, organizacion_a, organizacion_b
LIMIT ?
