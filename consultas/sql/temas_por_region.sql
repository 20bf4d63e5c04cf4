-- Eventos por tema y departamento (solo eventos con región).
SELECT t.tema, e.region, count(*) AS eventos
FROM evento_tema t
JOIN eventos e ON e.evento_id = t.evento_id
WHERE e.region IS NOT NULL AND ({donde})
GROUP BY ALL
ORDER BY t.tema, e.region
