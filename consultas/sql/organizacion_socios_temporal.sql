-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Socios de la organización (como socios_de.sql): las otras organizaciones de sus eventos filtrados,
-- con la lista de eventos de _eventos_organizacion.
WITH conteo AS (
    SELECT e.organizacion_id AS socio_id, count(*) AS eventos
    FROM hechos_organizacion e
    WHERE {donde}
      AND e.evento_id IN (SELECT evento_id FROM _eventos_organizacion)
      AND e.organizacion_id <> ?
    GROUP BY e.organizacion_id
)
SELECT o.nombre AS socio, o.sigla, o.tipo, c.eventos
FROM conteo c
JOIN organizaciones o ON o.organizacion_id = c.socio_id
ORDER BY c.eventos DESC, socio
LIMIT ?
