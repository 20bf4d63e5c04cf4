-- Organizaciones fuera del catálogo, sin filtros (sin semi-join contra todos los eventos).
SELECT o.nombre AS organizacion, o.sigla, o.tipo,
       count(*) AS notas,
       arg_min(eo.evidencia, eo.evento_id) AS ejemplo
FROM evento_organizacion eo
JOIN organizaciones o ON o.organizacion_id = eo.organizacion_id
WHERE NOT o.en_catalogo
GROUP BY o.nombre, o.sigla, o.tipo
ORDER BY notas DESC, organizacion
