-- Organizaciones halladas en las notas que no están en el catálogo, con una oración de ejemplo.
SELECT o.nombre AS organizacion, o.sigla, o.tipo,
       count(*) AS notas,
       arg_min(eo.evidencia, eo.evento_id) AS ejemplo
FROM evento_organizacion eo
JOIN organizaciones o ON o.organizacion_id = eo.organizacion_id
WHERE NOT o.en_catalogo
  AND eo.evento_id IN (SELECT e.evento_id FROM eventos e WHERE {donde})
GROUP BY o.nombre, o.sigla, o.tipo
ORDER BY notas DESC, organizacion
