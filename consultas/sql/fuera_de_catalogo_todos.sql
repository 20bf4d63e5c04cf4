-- Organizaciones fuera del catálogo, sin filtros, desde el mart calidad_fuera_de_catalogo. Como
-- siempre en esta variante, el ejemplo es la primera oración que la nombra (se saltan las vacías).
WITH conteo AS (
    SELECT e.organizacion_id, count(*) AS notas, arg_min(e.evidencia, e.evento_id) AS ejemplo
    FROM calidad_fuera_de_catalogo e
    GROUP BY e.organizacion_id
)
SELECT o.nombre AS organizacion, o.sigla, o.tipo, c.notas, c.ejemplo
FROM conteo c
JOIN organizaciones o ON o.organizacion_id = c.organizacion_id
WHERE NOT o.en_catalogo
ORDER BY c.notas DESC, organizacion
