-- mart: una fila por (evento, tema) con los campos del evento por los que se filtra, ordenada por fecha
-- (temas por periodo y por región, desglose por tema: sin unir eventos con evento_tema en cada consulta).
CREATE OR REPLACE TABLE hechos_tema AS
SELECT t.evento_id, t.tema,
       e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento
FROM evento_tema AS t
JOIN eventos AS e USING (evento_id)
ORDER BY e.fecha NULLS LAST, t.evento_id, t.tema;
