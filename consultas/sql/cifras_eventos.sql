-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Cifras clave por periodo (actual: año >= ?; sin rango de años, todo es "actual") sin las organizaciones, con
-- los ids de los eventos: con filtro de organización, resumen.py cuenta las organizaciones de esos eventos en
-- la incidencia en memoria (coparticipacion.py) en vez de recorrer hechos_organizacion con el semi-join.
SELECT coalesce(e.anio >= ?, true) AS actual,
       count(*) AS eventos,
       count(DISTINCT e.oficina) AS oficinas,
       count(DISTINCT e.region) AS regiones,
       count(DISTINCT e.pais) FILTER (WHERE e.pais <> 'Perú') AS paises,
       list(e.evento_id) AS ids
FROM hechos_evento e
WHERE {donde}
GROUP BY 1
