-- Temas de los eventos de una organización.
SELECT t.tema, count(*) AS eventos
FROM evento_tema t
JOIN eventos e ON e.evento_id = t.evento_id
WHERE {donde}
  AND e.evento_id IN (SELECT eo.evento_id FROM evento_organizacion eo
                      WHERE eo.organizacion_id = (SELECT organizacion_id FROM organizaciones WHERE nombre = ?))
GROUP BY t.tema
ORDER BY eventos DESC, t.tema
