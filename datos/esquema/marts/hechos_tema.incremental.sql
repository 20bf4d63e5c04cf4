-- incremental: agrega al final las filas de los eventos nuevos.
INSERT INTO hechos_tema
SELECT t.evento_id, t.tema,
       e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento
FROM evento_tema AS t
JOIN eventos AS e USING (evento_id)
WHERE t.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
  AND e.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
ORDER BY e.fecha NULLS LAST, t.evento_id, t.tema;
