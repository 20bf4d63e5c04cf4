-- Eventos por periodo y tema (un evento cuenta en cada uno de sus temas; los sin fecha no entran).
SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, t.tema, count(*) AS eventos
FROM evento_tema t
JOIN eventos e ON e.evento_id = t.evento_id
WHERE e.fecha IS NOT NULL AND ({donde})
GROUP BY ALL
ORDER BY periodo, t.tema
