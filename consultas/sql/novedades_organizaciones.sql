-- Organizaciones cuya primera aparición (en eventos con fecha que cumplen los filtros sin años) cae en el periodo.
WITH base AS (
    SELECT e.evento_id, e.fecha FROM eventos e WHERE e.fecha IS NOT NULL AND ({donde})
),
primera AS (
    SELECT eo.organizacion_id,
           min(b.fecha) AS primera_fecha,
           count(*) FILTER (WHERE b.fecha BETWEEN ? AND ?) AS eventos
    FROM evento_organizacion eo
    JOIN base b ON b.evento_id = eo.evento_id
    GROUP BY eo.organizacion_id
)
SELECT o.nombre AS organizacion, o.sigla, o.tipo, o.en_catalogo, p.primera_fecha, p.eventos
FROM primera p
JOIN organizaciones o ON o.organizacion_id = p.organizacion_id
WHERE p.primera_fecha BETWEEN ? AND ?
ORDER BY p.eventos DESC, p.primera_fecha, organizacion
LIMIT ?
