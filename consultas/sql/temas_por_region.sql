-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos por tema y departamento (solo eventos con región), desde el mart hechos_tema.
-- Los sin región se descartan después de agrupar (ver temas_por_periodo.sql).
SELECT tema, region, eventos
FROM (
    SELECT e.tema, e.region, count(*) AS eventos
    FROM hechos_tema e
    WHERE {donde}
    GROUP BY ALL
)
WHERE region IS NOT NULL
ORDER BY tema, region
