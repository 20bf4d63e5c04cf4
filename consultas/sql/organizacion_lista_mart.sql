-- Filtros sin el de tema; el tema va en la prueba de bits que sigue (organizaciones.py; sin ese filtro, true).
-- Los eventos de la organización con la mención y la oración que la sustentan (como eventos_organizacion.sql),
-- del mart organizacion_evento, donde los eventos de la organización están juntos y en el orden de la lista.
-- Se eligen (y limitan) leyendo solo columnas angostas; los textos se leen después, solo para esos.
WITH ev AS (
    SELECT e.evento_id
    FROM organizacion_evento e
    WHERE e.organizacion_id = ? AND {donde}
      AND (? OR (e.temas_bits & CAST(? AS UBIGINT)) <> 0)
    ORDER BY e.fecha DESC NULLS LAST, e.evento_id DESC
    LIMIT ?
)
SELECT m.evento_id, m.fecha, m.titulo, m.oficina, m.region, m.mencion, m.evidencia
FROM organizacion_evento m
WHERE m.organizacion_id = ?
  AND m.evento_id IN (SELECT evento_id FROM ev)
ORDER BY m.fecha DESC NULLS LAST, m.evento_id DESC
