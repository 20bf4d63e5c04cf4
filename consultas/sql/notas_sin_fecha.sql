-- Eventos cuya nota no trae fecha (ni del evento ni de publicación): no entran en la línea de tiempo.
SELECT e.evento_id, e.titulo, e.archivo, e.url
FROM eventos e
WHERE e.fecha IS NULL AND ({donde})
ORDER BY e.archivo, e.evento_id
