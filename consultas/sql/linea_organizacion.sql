-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos por periodo de una organización (entre los filtrados, con fecha), desde el mart hechos_organizacion.
SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, count(*) AS eventos
FROM hechos_organizacion e
WHERE e.fecha IS NOT NULL AND ({donde})
  AND e.organizacion_id = (SELECT organizacion_id FROM organizaciones WHERE nombre = ?)
GROUP BY periodo
ORDER BY periodo
