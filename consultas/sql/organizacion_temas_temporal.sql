-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Temas de los eventos de la organización (como temas_organizacion.sql): los filtros repetidos dejan que el
-- mart hechos_tema salte bloques por año; la lista de eventos sale de _eventos_organizacion.
SELECT e.tema, count(*) AS eventos
FROM hechos_tema e
WHERE {donde}
  AND e.evento_id IN (SELECT evento_id FROM _eventos_organizacion)
GROUP BY e.tema
ORDER BY eventos DESC, e.tema
