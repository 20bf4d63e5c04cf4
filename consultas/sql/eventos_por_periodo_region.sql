-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos por periodo y region; fuera de los primeros grupos todo va a "Otros".
WITH conteo AS (
    SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo,
           coalesce(e.region, 'Sin dato') AS grupo,
           count(*) AS eventos
    FROM hechos_evento e
    WHERE e.fecha IS NOT NULL AND ({donde})
    GROUP BY ALL
),
principales AS (
    SELECT grupo FROM conteo GROUP BY grupo ORDER BY sum(eventos) DESC, grupo LIMIT ?
)
SELECT periodo,
       CASE WHEN grupo IN (SELECT grupo FROM principales) THEN grupo ELSE 'Otros' END AS grupo,
       CAST(sum(eventos) AS BIGINT) AS eventos
FROM conteo
GROUP BY ALL
ORDER BY periodo, grupo
