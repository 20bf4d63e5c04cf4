-- Con quién comparte eventos una organización (entre los eventos filtrados), desde el mart hechos_par.
WITH org AS (
    SELECT organizacion_id FROM organizaciones WHERE nombre = ?
),
conteo AS (
    SELECT CASE WHEN e.organizacion_a IN (SELECT organizacion_id FROM org)
                THEN e.organizacion_b ELSE e.organizacion_a END AS socio_id,
           count(*) AS eventos
    FROM hechos_par e
    WHERE (e.organizacion_a IN (SELECT organizacion_id FROM org) OR e.organizacion_b IN (SELECT organizacion_id FROM org))
      AND ({donde})
    GROUP BY socio_id
)
SELECT o.nombre AS socio, o.sigla, o.tipo, c.eventos
FROM conteo c
JOIN organizaciones o ON o.organizacion_id = c.socio_id
ORDER BY c.eventos DESC, socio
LIMIT ?
