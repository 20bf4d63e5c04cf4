-- incremental: agrega los pares (región, organización) de los eventos nuevos que aún no estaban.
INSERT INTO region_organizacion
SELECT DISTINCT h.region, h.organizacion_id
FROM hechos_organizacion AS h
WHERE h.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
  AND h.region IS NOT NULL
  AND NOT EXISTS (
      SELECT 1 FROM region_organizacion AS r WHERE r.region = h.region AND r.organizacion_id = h.organizacion_id
  );
