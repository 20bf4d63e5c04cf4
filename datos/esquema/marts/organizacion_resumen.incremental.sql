-- incremental: suma los eventos nuevos a cada organización y toma sus datos vigentes del catálogo.
CREATE OR REPLACE TABLE organizacion_resumen AS
WITH nuevos AS (
    SELECT eo.organizacion_id, count(*) AS eventos, min(e.fecha) AS primera_fecha, max(e.fecha) AS ultima_fecha
    FROM evento_organizacion AS eo
    JOIN eventos AS e USING (evento_id)
    WHERE eo.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
      AND e.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
    GROUP BY ALL
)
SELECT o.organizacion_id, o.nombre, o.sigla, o.tipo, o.en_catalogo,
       coalesce(p.eventos, 0) + coalesce(n.eventos, 0) AS eventos,
       least(p.primera_fecha, n.primera_fecha)         AS primera_fecha,
       greatest(p.ultima_fecha, n.ultima_fecha)        AS ultima_fecha
FROM organizaciones AS o
LEFT JOIN organizacion_resumen AS p USING (organizacion_id)
LEFT JOIN nuevos AS n USING (organizacion_id)
WHERE coalesce(p.eventos, 0) + coalesce(n.eventos, 0) > 0
ORDER BY eventos DESC, o.nombre;
