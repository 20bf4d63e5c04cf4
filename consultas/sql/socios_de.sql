-- Con quién comparte eventos una organización (entre los eventos filtrados), desde el mart evento_par.
WITH org AS (
    SELECT organizacion_id FROM organizaciones WHERE nombre = ?
),
conteo AS (
    SELECT CASE WHEN p.organizacion_a IN (SELECT organizacion_id FROM org)
                THEN p.organizacion_b ELSE p.organizacion_a END AS socio_id,
           count(*) AS eventos
    FROM evento_par p
    WHERE (p.organizacion_a IN (SELECT organizacion_id FROM org) OR p.organizacion_b IN (SELECT organizacion_id FROM org))
      AND p.evento_id IN (SELECT e.evento_id FROM eventos e WHERE {donde})
    GROUP BY socio_id
)
SELECT o.nombre AS socio, o.sigla, o.tipo, c.eventos
FROM conteo c
JOIN organizaciones o ON o.organizacion_id = c.socio_id
ORDER BY c.eventos DESC, socio
LIMIT ?
