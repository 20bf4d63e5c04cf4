-- Todos los pares sin filtros (mart par_resumen) en el orden de los pares principales: coparticipacion.py los
-- guarda una vez por versión de la base para la página sin filtros (ver coparticipacion_panorama_todos.sql).
SELECT organizacion_a, organizacion_b, eventos
FROM par_resumen
ORDER BY eventos DESC, organizacion_a, organizacion_b
