-- Los eventos más recientes entre los filtrados (los sin fecha al final).
SELECT e.evento_id, e.fecha, e.titulo, e.oficina, e.region, e.pais, e.tipo_evento
FROM eventos e
WHERE {donde}
ORDER BY e.fecha DESC NULLS LAST, e.evento_id DESC
LIMIT ?
