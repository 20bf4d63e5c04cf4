-- Temas de los eventos de una organización (mart hechos_tema, restringido a sus eventos).
SELECT e.tema, count(*) AS eventos
FROM hechos_tema e
WHERE {donde}
  AND e.evento_id IN (SELECT eo.evento_id FROM evento_organizacion eo
                      WHERE eo.organizacion_id = (SELECT organizacion_id FROM organizaciones WHERE nombre = ?))
GROUP BY e.tema
ORDER BY eventos DESC, e.tema
