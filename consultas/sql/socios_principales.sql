-- Organizaciones con más eventos entre los filtrados (top N).
WITH conteo AS (
    SELECT eo.organizacion_id, count(*) AS eventos
    FROM evento_organizacion eo
    WHERE eo.evento_id IN (SELECT e.evento_id FROM eventos e WHERE {donde})
    GROUP BY eo.organizacion_id
)
SELECT o.nombre AS organizacion, o.sigla, o.tipo, c.eventos
FROM conteo c
JOIN organizaciones o USING (organizacion_id)
ORDER BY c.eventos DESC, o.nombre
LIMIT ?
