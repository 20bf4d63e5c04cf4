-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Organizaciones cuya primera aparición (en eventos con fecha que cumplen los filtros sin años) cae en el periodo.
-- Desde el mart hechos_organizacion (ordenado por fecha): lo posterior al periodo no cambia si la primera
-- aparición cae en él, así que no se lee.
WITH primera AS (
    SELECT e.organizacion_id,
           min(e.fecha) AS primera_fecha,
           count(*) FILTER (WHERE e.fecha BETWEEN ? AND ?) AS eventos
    FROM hechos_organizacion e
    WHERE e.fecha <= ? AND ({donde})
    GROUP BY e.organizacion_id
    HAVING min(e.fecha) >= ?
)
SELECT o.nombre AS organizacion, o.sigla, o.tipo, o.en_catalogo, p.primera_fecha, p.eventos
FROM primera p
JOIN organizaciones o ON o.organizacion_id = p.organizacion_id
ORDER BY p.eventos DESC, p.primera_fecha, organizacion
LIMIT ?
