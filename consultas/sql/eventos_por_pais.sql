-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos en el exterior por país, con su código ISO3 para el mapa del mundo.
WITH iso AS (
    SELECT unnest(?::VARCHAR[]) AS pais, unnest(?::VARCHAR[]) AS iso3
),
conteo AS (
    SELECT e.pais, count(*) AS eventos
    FROM hechos_evento e
    WHERE e.pais IS NOT NULL AND e.pais <> 'Perú' AND ({donde})
    GROUP BY e.pais
)
SELECT c.pais, i.iso3, c.eventos
FROM conteo c
LEFT JOIN iso i ON i.pais = c.pais
ORDER BY c.eventos DESC, c.pais
