-- Dónde actuó la organización (como regiones_organizacion.sql) desde _eventos_organizacion.
SELECT coalesce(e.region, CASE WHEN e.pais IS NOT NULL AND e.pais <> 'Perú' THEN 'Exterior' ELSE 'Sin dato' END)
           AS region,
       count(*) AS eventos
FROM _eventos_organizacion e
GROUP BY 1
ORDER BY eventos DESC, region
