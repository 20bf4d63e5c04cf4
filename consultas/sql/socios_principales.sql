-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Organizaciones con más eventos entre los filtrados (top N), desde el mart hechos_organizacion
-- (una fila por evento y organización con los campos del evento: sin unir con eventos).
WITH conteo AS (
    SELECT e.organizacion_id, count(*) AS eventos
    FROM hechos_organizacion e
    WHERE {donde}
    GROUP BY e.organizacion_id
)
SELECT o.nombre AS organizacion, o.sigla, o.tipo, c.eventos
FROM conteo c
JOIN organizaciones o USING (organizacion_id)
ORDER BY c.eventos DESC, o.nombre
LIMIT ?
