-- Con quién comparte eventos una organización, sin filtros: del mart par_resumen.
WITH org AS (
    SELECT organizacion_id FROM organizaciones WHERE nombre = ?
),
conteo AS (
    SELECT CASE WHEN p.organizacion_a IN (SELECT organizacion_id FROM org)
                THEN p.organizacion_b ELSE p.organizacion_a END AS socio_id,
           p.eventos
    FROM par_resumen p
    WHERE p.organizacion_a IN (SELECT organizacion_id FROM org) OR p.organizacion_b IN (SELECT organizacion_id FROM org)
)
SELECT o.nombre AS socio, o.sigla, o.tipo, c.eventos
FROM conteo c
JOIN organizaciones o ON o.organizacion_id = c.socio_id
ORDER BY c.eventos DESC, socio
LIMIT ?
