-- Eventos por periodo de una organización (entre los filtrados, con fecha).
SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, count(*) AS eventos
FROM eventos e
WHERE e.fecha IS NOT NULL AND ({donde})
  AND e.evento_id IN (SELECT eo.evento_id FROM evento_organizacion eo
                      WHERE eo.organizacion_id = (SELECT organizacion_id FROM organizaciones WHERE nombre = ?))
GROUP BY periodo
ORDER BY periodo
