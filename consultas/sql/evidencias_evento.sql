-- Cada dato extraído de un evento con la oración de la nota que lo sustenta.
SELECT campo, valor, evidencia
FROM (
    SELECT 1 AS orden, 'fecha_publicacion' AS campo, CAST(fecha_publicacion AS VARCHAR) AS valor,
           evidencia_fecha_publicacion AS evidencia
    FROM eventos WHERE evento_id = ?
    UNION ALL
    SELECT 2, 'fecha_evento', CAST(fecha_evento AS VARCHAR), evidencia_fecha_evento FROM eventos WHERE evento_id = ?
    UNION ALL
    SELECT 3, 'oficina', oficina, evidencia_oficina FROM eventos WHERE evento_id = ?
    UNION ALL
    SELECT 4, 'region', region, evidencia_region FROM eventos WHERE evento_id = ?
    UNION ALL
    SELECT 5, 'tipo_evento', tipo_evento, evidencia_tipo_evento FROM eventos WHERE evento_id = ?
    UNION ALL
    SELECT 6, 'organizacion', o.nombre, eo.evidencia
    FROM evento_organizacion eo JOIN organizaciones o ON o.organizacion_id = eo.organizacion_id
    WHERE eo.evento_id = ?
    UNION ALL
    SELECT 7, 'tema', tema, evidencia FROM evento_tema WHERE evento_id = ?
    UNION ALL
    SELECT 8, 'espacio', espacio, evidencia FROM evento_espacio WHERE evento_id = ?
)
WHERE valor IS NOT NULL
ORDER BY orden, valor
