-- Los eventos de la organización con la mención y la oración que la sustentan (como eventos_organizacion.sql),
-- elegidos y limitados en _eventos_organizacion.
WITH ev AS (
    SELECT e.evento_id, e.fecha
    FROM _eventos_organizacion e
    ORDER BY e.fecha DESC NULLS LAST, e.evento_id DESC
    LIMIT ?
),
datos AS (
    SELECT x.evento_id, x.titulo, x.oficina, x.region
    FROM eventos x
    WHERE x.evento_id IN (SELECT evento_id FROM ev)
),
menciones AS (
    SELECT eo.evento_id, eo.mencion, eo.evidencia
    FROM evento_organizacion eo
    WHERE eo.organizacion_id = ?
      AND eo.evento_id IN (SELECT evento_id FROM ev)
)
SELECT ev.evento_id, ev.fecha, d.titulo, d.oficina, d.region, m.mencion, m.evidencia
FROM ev
JOIN datos d ON d.evento_id = ev.evento_id
JOIN menciones m ON m.evento_id = ev.evento_id
ORDER BY ev.fecha DESC NULLS LAST, ev.evento_id DESC
