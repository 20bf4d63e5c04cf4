-- Los eventos de una organización con la mención y la oración que la sustentan.
SELECT e.evento_id, e.fecha, e.titulo, e.oficina, e.region, eo.mencion, eo.evidencia
FROM eventos e
JOIN evento_organizacion eo ON eo.evento_id = e.evento_id
WHERE {donde}
  AND eo.organizacion_id = (SELECT organizacion_id FROM organizaciones WHERE nombre = ?)
ORDER BY e.fecha DESC NULLS LAST, e.evento_id DESC
LIMIT ?
