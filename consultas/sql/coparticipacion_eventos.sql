-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Los eventos filtrados de la página Coparticipación: una lectura de hechos_evento (un evento por fila, no
-- una por participación como hechos_organizacion). Sus organizaciones salen de coparticipacion_incidencia.sql,
-- que se lee una vez por versión de la base (ver coparticipacion.py).
SELECT e.evento_id
FROM hechos_evento e
WHERE {donde}
