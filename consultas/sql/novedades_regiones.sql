-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Departamentos sin eventos en la ventana reciente (limite, referencia]; con la última fecha de actividad anterior.
WITH deps AS (
    SELECT unnest(?::VARCHAR[]) AS region
),
actividad AS (
    SELECT e.region,
           max(e.fecha) AS ultima_fecha,
           count(*) FILTER (WHERE e.fecha > ?) AS recientes
    FROM hechos_evento e
    WHERE e.fecha IS NOT NULL AND e.fecha <= ? AND e.region IS NOT NULL AND ({donde})
    GROUP BY e.region
)
SELECT d.region, a.ultima_fecha
FROM deps d
LEFT JOIN actividad a ON a.region = d.region
WHERE coalesce(a.recientes, 0) = 0
ORDER BY a.ultima_fecha DESC NULLS LAST, d.region COLLATE noaccent.nocase
