-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Fecha más antigua y si hay eventos sin fecha entre los que mostrará la lista (mismo orden y límite
-- que lista_eventos.sql): acota qué bloques de los marts por fecha se leen para armar la lista.
SELECT min(fecha) AS desde, coalesce(bool_or(fecha IS NULL), FALSE) AS con_sin_fecha
FROM (
    SELECT e.fecha
    FROM hechos_evento e
    WHERE {donde}
    ORDER BY e.fecha DESC NULLS LAST, e.evento_id DESC
    LIMIT ?
)
