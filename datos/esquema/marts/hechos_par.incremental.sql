-- incremental: agrega al final los pares de los eventos nuevos (evento_par ya los tiene).
INSERT INTO hechos_par
SELECT p.evento_id, p.organizacion_a, p.organizacion_b,
       e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento
FROM evento_par AS p
JOIN eventos AS e USING (evento_id)
WHERE p.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
  AND e.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
ORDER BY e.fecha NULLS LAST, p.evento_id, p.organizacion_a, p.organizacion_b;
