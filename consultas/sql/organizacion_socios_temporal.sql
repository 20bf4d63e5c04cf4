-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Socios de la organización (como socios_de.sql): las otras organizaciones de sus eventos filtrados,
-- con la lista de eventos de _eventos_organizacion.
WITH org AS (
    SELECT organizacion_id FROM organizaciones WHERE nombre = ?
),
conteo AS (
    SELECT e.organizacion_id AS socio_id, count(*) AS eventos
    FROM hechos_organizacion e
    WHERE {donde}
      AND e.evento_id IN (SELECT evento_id FROM _eventos_organizacion)
      AND e.organizacion_id NOT IN (SELECT organizacion_id FROM org)
    GROUP BY e.organizacion_id
)
SELECT o.nombre AS socio, o.sigla, o.tipo, c.eventos
FROM conteo c
JOIN organizaciones o ON o.organizacion_id = c.socio_id
ORDER BY c.eventos DESC, socio
LIMIT ?
