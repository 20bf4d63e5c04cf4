-- Organizaciones fuera del catálogo (menos las ignoradas), con cuántas notas las nombran y sus oraciones.
SELECT o.nombre AS organizacion, o.sigla, o.tipo,
       count(DISTINCT eo.evento_id) AS notas,
       list(DISTINCT eo.evidencia ORDER BY eo.evidencia) FILTER (WHERE eo.evidencia IS NOT NULL) AS oraciones
FROM evento_organizacion eo
JOIN organizaciones o ON o.organizacion_id = eo.organizacion_id
WHERE NOT o.en_catalogo
  AND NOT list_has_any(?::VARCHAR[], [o.nombre])
GROUP BY o.nombre, o.sigla, o.tipo
ORDER BY notas DESC, organizacion
