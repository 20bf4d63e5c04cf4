-- Dónde actuó una organización: eventos por departamento (y "Exterior" / "Sin dato").
SELECT coalesce(e.region, CASE WHEN e.pais IS NOT NULL AND e.pais <> 'Perú' THEN 'Exterior' ELSE 'Sin dato' END)
           AS region,
       count(*) AS eventos
FROM eventos e
WHERE {donde}
  AND e.evento_id IN (SELECT eo.evento_id FROM evento_organizacion eo
                      WHERE eo.organizacion_id = (SELECT organizacion_id FROM organizaciones WHERE nombre = ?))
GROUP BY 1
ORDER BY eventos DESC, region
