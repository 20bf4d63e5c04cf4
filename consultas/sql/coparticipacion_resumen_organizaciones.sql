-- Eventos de cada organización sin filtros (mart organizacion_resumen): coparticipacion.py los guarda una vez
-- por versión de la base para la página sin filtros (ver coparticipacion_panorama_todos.sql).
SELECT organizacion_id, eventos
FROM organizacion_resumen
