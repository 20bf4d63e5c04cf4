-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Dónde actuó una organización: eventos por departamento (y "Exterior" / "Sin dato"), desde hechos_organizacion.
SELECT coalesce(e.region, CASE WHEN e.pais IS NOT NULL AND e.pais <> 'Perú' THEN 'Exterior' ELSE 'Sin dato' END)
           AS region,
       count(*) AS eventos
FROM hechos_organizacion e
WHERE {donde}
  AND e.organizacion_id = (SELECT organizacion_id FROM organizaciones WHERE nombre = ?)
GROUP BY 1
ORDER BY eventos DESC, region
