-- Eventos por periodo (primer día del mes, semana o año); los sin fecha no entran.
SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, 'Todos' AS grupo, count(*) AS eventos
FROM eventos e
WHERE e.fecha IS NOT NULL AND ({donde})
GROUP BY periodo
ORDER BY periodo
