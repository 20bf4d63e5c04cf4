-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Organizaciones halladas en las notas que no están en el catálogo, con una oración de ejemplo.
-- Se cuentan en el mart hechos_organizacion; la oración (del primer evento) se busca solo para ellas.
WITH conteo AS (
    SELECT e.organizacion_id, count(*) AS notas, min(e.evento_id) AS primer_evento
    FROM hechos_organizacion e
    WHERE e.organizacion_id IN (SELECT organizacion_id FROM organizaciones WHERE NOT en_catalogo)
      AND ({donde})
    GROUP BY e.organizacion_id
),
ejemplos AS (
    SELECT eo.evento_id, eo.organizacion_id, eo.evidencia
    FROM evento_organizacion eo
    WHERE eo.evento_id IN (SELECT primer_evento FROM conteo)
      AND eo.organizacion_id IN (SELECT organizacion_id FROM conteo)
)
SELECT o.nombre AS organizacion, o.sigla, o.tipo, c.notas, x.evidencia AS ejemplo
FROM conteo c
JOIN organizaciones o ON o.organizacion_id = c.organizacion_id
LEFT JOIN ejemplos x ON x.organizacion_id = c.organizacion_id AND x.evento_id = c.primer_evento
ORDER BY c.notas DESC, organizacion
