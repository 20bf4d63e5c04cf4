-- incremental: agrega al final las filas de los eventos nuevos (suelen ser los más recientes: el orden por fecha se conserva casi igual).
INSERT INTO hechos_organizacion
SELECT eo.evento_id, eo.organizacion_id,
       e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento
FROM evento_organizacion AS eo
JOIN eventos AS e USING (evento_id)
WHERE eo.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
  AND e.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
ORDER BY e.fecha NULLS LAST, eo.evento_id, eo.organizacion_id;
