-- Valores conocidos de cada filtro (para la barra lateral y para validar la URL).
SELECT
    (SELECT min(anio) FROM eventos) AS anio_min,
    (SELECT max(anio) FROM eventos) AS anio_max,
    (SELECT list(DISTINCT region) FROM eventos WHERE region IS NOT NULL) AS region,
    (SELECT list(DISTINCT pais) FROM eventos WHERE pais IS NOT NULL) AS pais,
    (SELECT list(DISTINCT oficina) FROM eventos WHERE oficina IS NOT NULL) AS oficina,
    (SELECT list(DISTINCT tipo_oficina) FROM eventos WHERE tipo_oficina IS NOT NULL) AS tipo_oficina,
    (SELECT list(o.nombre) FROM organizaciones o
      WHERE o.organizacion_id IN (SELECT eo.organizacion_id FROM evento_organizacion eo)) AS organizacion,
    (SELECT list(DISTINCT tema) FROM evento_tema) AS tema,
    (SELECT list(DISTINCT tipo_evento) FROM eventos WHERE tipo_evento IS NOT NULL) AS tipo_evento,
    (SELECT coalesce(bool_or(sintetica), FALSE) FROM notas) AS hay_sinteticas
