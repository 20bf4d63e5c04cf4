-- mart: una fila por (evento, organización) con los campos del evento por los que se filtra, ordenada por fecha.
-- Las vistas filtran y agregan aquí sin unir eventos con evento_organizacion, y los filtros de año saltan
-- bloques enteros (zonemaps). Filtros.donde() funciona igual sobre este mart (mismos nombres de columna).
CREATE OR REPLACE TABLE hechos_organizacion AS
SELECT eo.evento_id, eo.organizacion_id,
       e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento
FROM evento_organizacion AS eo
JOIN eventos AS e USING (evento_id)
ORDER BY e.fecha NULLS LAST, eo.evento_id, eo.organizacion_id;
