-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Ficha de una organización y su actividad entre los eventos filtrados (mart hechos_organizacion).
WITH ev AS (
    SELECT e.evento_id, e.fecha
    FROM hechos_organizacion e
    WHERE {donde}
      AND e.organizacion_id = (SELECT organizacion_id FROM organizaciones WHERE nombre = ?)
)
SELECT o.nombre, o.sigla, o.tipo, o.en_catalogo,
       (SELECT count(*) FROM ev) AS eventos,
       (SELECT min(fecha) FROM ev) AS primera_fecha,
       (SELECT max(fecha) FROM ev) AS ultima_fecha
FROM organizaciones o
WHERE o.nombre = ?
