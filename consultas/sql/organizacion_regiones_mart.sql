-- Filtros sin el de tema; el tema va en la prueba de bits que sigue (organizaciones.py; sin ese filtro, true).
-- Dónde actuó la organización (como regiones_organizacion.sql) desde el mart organizacion_evento, con la
-- primera y la última fecha de cada región: su suma, mínimo y máximo son la ficha (perfil_organizacion.sql).
SELECT coalesce(e.region, CASE WHEN e.pais IS NOT NULL AND e.pais <> 'Perú' THEN 'Exterior' ELSE 'Sin dato' END)
           AS region,
       count(*) AS eventos,
       min(e.fecha) AS primera_fecha,
       max(e.fecha) AS ultima_fecha
FROM organizacion_evento e
WHERE e.organizacion_id = ? AND {donde}
  AND (? OR (e.temas_bits & CAST(? AS UBIGINT)) <> 0)
GROUP BY 1
ORDER BY eventos DESC, region
