-- mart: eventos (participaciones) por periodo y organización sin filtros, para la línea de tiempo
-- por organización de toda la base (eventos_por_periodo_organizacion_todos.sql). Trae las tres
-- granularidades (`unidad` = 'week', 'month', 'year', las de date_trunc): agrupar los 4 millones de
-- filas de hechos_organizacion en cada consulta era lo que más costaba. Los sin fecha no entran.
CREATE OR REPLACE TABLE semana_organizacion AS
SELECT u.unidad, CAST(date_trunc(u.unidad, h.fecha) AS DATE) AS periodo, h.organizacion_id,
       count(*) AS eventos
FROM hechos_organizacion AS h
CROSS JOIN (VALUES ('week'), ('month'), ('year')) AS u(unidad)
WHERE h.fecha IS NOT NULL
GROUP BY ALL
ORDER BY u.unidad, periodo, h.organizacion_id;
