-- Cifras clave de los eventos filtrados. `paises` cuenta países del exterior (Perú aparte).
WITH ev AS (
    SELECT e.evento_id, e.oficina, e.region, e.pais
    FROM eventos e
    WHERE {donde}
)
SELECT
    (SELECT count(*) FROM ev) AS eventos,
    (SELECT count(DISTINCT eo.organizacion_id)
       FROM evento_organizacion eo
      WHERE eo.evento_id IN (SELECT evento_id FROM ev)) AS organizaciones,
    (SELECT count(DISTINCT oficina) FROM ev) AS oficinas,
    (SELECT count(DISTINCT region) FROM ev) AS regiones,
    (SELECT count(DISTINCT pais) FROM ev WHERE pais <> 'Perú') AS paises
