-- Ficha de una organización y su actividad entre los eventos filtrados.
WITH ev AS (
    SELECT e.evento_id, e.fecha
    FROM eventos e
    WHERE {donde}
      AND e.evento_id IN (SELECT eo.evento_id FROM evento_organizacion eo
                          WHERE eo.organizacion_id = (SELECT organizacion_id FROM organizaciones WHERE nombre = ?))
)
SELECT o.nombre, o.sigla, o.tipo, o.en_catalogo,
       (SELECT count(*) FROM ev) AS eventos,
       (SELECT min(fecha) FROM ev) AS primera_fecha,
       (SELECT max(fecha) FROM ev) AS ultima_fecha
FROM organizaciones o
WHERE o.nombre = ?
