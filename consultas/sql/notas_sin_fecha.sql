-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos cuya nota no trae fecha (ni del evento ni de publicación): no entran en la línea de tiempo.
-- Se leen del mart evento_lista, que los guarda al final: solo se leen sus últimos bloques.
SELECT e.evento_id, e.titulo, e.archivo, e.url
FROM evento_lista e
WHERE e.fecha IS NULL AND ({donde})
ORDER BY e.archivo, e.evento_id
