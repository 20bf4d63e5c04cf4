-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Los eventos filtrados con fecha en [?, ?] (hechos_evento va por fecha: solo se leen esos bloques). Para
-- Novedades: sus organizaciones y fechas salen de la incidencia en memoria (coparticipacion.py).
SELECT e.evento_id
FROM hechos_evento e
WHERE e.fecha BETWEEN ? AND ? AND ({donde})
