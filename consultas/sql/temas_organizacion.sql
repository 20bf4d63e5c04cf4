-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Temas de los eventos de una organización (mart hechos_tema, restringido a sus eventos con la lista
-- del mart evento_organizacion_por_organizacion).
SELECT e.tema, count(*) AS eventos
FROM hechos_tema e
WHERE {donde}
  AND e.evento_id IN (SELECT unnest(l.eventos) FROM evento_organizacion_por_organizacion l
                      WHERE l.organizacion_id = (SELECT organizacion_id FROM organizaciones WHERE nombre = ?))
GROUP BY e.tema
ORDER BY eventos DESC, e.tema
