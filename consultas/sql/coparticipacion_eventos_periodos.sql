-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Los eventos filtrados de dos periodos seguidos, con cuál es cada uno (actual: desde el primer parámetro).
-- Para los pares en alza de Novedades: sus organizaciones salen de la incidencia en memoria (coparticipacion.py).
SELECT e.evento_id, e.fecha >= ? AS actual
FROM hechos_evento e
WHERE e.fecha BETWEEN ? AND ? AND ({donde})
