-- Filtros sin el de tema; el tema va en la prueba de bits que sigue (organizaciones.py; sin ese filtro, true).
-- Eventos por periodo de la organización (como linea_organizacion.sql) desde el mart organizacion_evento.
SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, count(*) AS eventos
FROM organizacion_evento e
WHERE e.organizacion_id = ? AND e.fecha IS NOT NULL AND {donde}
  AND (? OR (e.temas_bits & CAST(? AS UBIGINT)) <> 0)
GROUP BY periodo
ORDER BY periodo
