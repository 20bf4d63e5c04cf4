-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos por periodo (primer día del mes, semana o año); los sin fecha no entran.
SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, 'Todos' AS grupo, count(*) AS eventos
FROM hechos_evento e
WHERE e.fecha IS NOT NULL AND ({donde})
GROUP BY periodo
ORDER BY periodo
