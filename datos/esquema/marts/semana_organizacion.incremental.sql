-- incremental: suma a los conteos los de los eventos nuevos (la tabla es chica: se reescribe entera).
CREATE OR REPLACE TABLE semana_organizacion AS
SELECT unidad, periodo, organizacion_id, CAST(sum(eventos) AS BIGINT) AS eventos
FROM (
    SELECT unidad, periodo, organizacion_id, eventos FROM semana_organizacion
    UNION ALL
    SELECT u.unidad, CAST(date_trunc(u.unidad, h.fecha) AS DATE) AS periodo, h.organizacion_id,
           count(*) AS eventos
    FROM hechos_organizacion AS h
    CROSS JOIN (VALUES ('week'), ('month'), ('year')) AS u(unidad)
    WHERE h.fecha IS NOT NULL
      AND h.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
    GROUP BY ALL
)
GROUP BY ALL
ORDER BY unidad, periodo, organizacion_id;
