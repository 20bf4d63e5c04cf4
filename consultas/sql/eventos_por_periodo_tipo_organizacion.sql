-- Eventos por periodo y tipo organizacion (un evento cuenta en cada grupo en que participa, una vez en "Otros").
WITH base AS (
    SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, e.evento_id, coalesce(o.tipo, 'Sin dato') AS grupo
    FROM eventos e
    LEFT JOIN evento_organizacion eo ON eo.evento_id = e.evento_id
    LEFT JOIN organizaciones o ON o.organizacion_id = eo.organizacion_id
    WHERE e.fecha IS NOT NULL AND ({donde})
),
principales AS (
    SELECT grupo FROM base GROUP BY grupo ORDER BY count(DISTINCT evento_id) DESC, grupo LIMIT ?
)
SELECT periodo,
       CASE WHEN grupo IN (SELECT grupo FROM principales) THEN grupo ELSE 'Otros' END AS grupo,
       count(DISTINCT evento_id) AS eventos
FROM base
GROUP BY ALL
ORDER BY periodo, grupo
