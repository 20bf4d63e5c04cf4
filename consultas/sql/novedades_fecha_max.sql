-- Última fecha con eventos según los filtros (sin los años): el "hoy" de los datos para las novedades.
SELECT max(e.fecha) AS fecha_max
FROM eventos e
WHERE e.fecha IS NOT NULL AND ({donde})
