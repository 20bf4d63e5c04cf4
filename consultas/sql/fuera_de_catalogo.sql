-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Organizaciones halladas en las notas que no están en el catálogo, con una oración de ejemplo
-- (la de su primer evento, aunque no la tenga). Se cuentan en el mart calidad_fuera_de_catalogo, que solo trae sus filas.
WITH conteo AS (
    SELECT e.organizacion_id, count(*) AS notas, arg_min_null(e.evidencia, e.evento_id) AS ejemplo
    FROM calidad_fuera_de_catalogo e
    WHERE {donde}
    GROUP BY e.organizacion_id
)
SELECT o.nombre AS organizacion, o.sigla, o.tipo, c.notas, c.ejemplo
FROM conteo c
JOIN organizaciones o ON o.organizacion_id = c.organizacion_id
WHERE NOT o.en_catalogo
ORDER BY c.notas DESC, organizacion
