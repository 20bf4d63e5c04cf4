-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Con quién comparte eventos una organización (entre los eventos filtrados): las otras organizaciones
-- de sus eventos, desde hechos_organizacion (un par por evento equivale a una fila del socio en ese
-- evento; se lee el mart de participaciones y no los 10M de pares).
WITH org AS (
    SELECT organizacion_id FROM organizaciones WHERE nombre = ?
),
conteo AS (
    SELECT e.organizacion_id AS socio_id, count(*) AS eventos
    FROM hechos_organizacion e
    WHERE e.evento_id IN (SELECT unnest(l.eventos) FROM evento_organizacion_por_organizacion l
                          WHERE l.organizacion_id IN (SELECT organizacion_id FROM org))
      AND e.organizacion_id NOT IN (SELECT organizacion_id FROM org)
      AND ({donde})
    GROUP BY e.organizacion_id
)
SELECT o.nombre AS socio, o.sigla, o.tipo, c.eventos
FROM conteo c
JOIN organizaciones o ON o.organizacion_id = c.socio_id
ORDER BY c.eventos DESC, socio
LIMIT ?
