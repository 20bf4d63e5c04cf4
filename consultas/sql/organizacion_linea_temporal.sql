-- Eventos por periodo de la organización (como linea_organizacion.sql) desde _eventos_organizacion.
SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, count(*) AS eventos
FROM _eventos_organizacion e
WHERE e.fecha IS NOT NULL
GROUP BY periodo
ORDER BY periodo
