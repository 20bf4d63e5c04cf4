-- mart: una fila por (evento, tema) con los campos del evento por los que se filtra, ordenada por fecha
-- (temas por periodo y por región, desglose por tema: sin unir eventos con evento_tema en cada consulta).
CREATE OR REPLACE TABLE hechos_tema AS
SELECT t.evento_id, t.tema,
       e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento,
       coalesce(bits.temas_bits, CAST(0 AS UBIGINT)) AS temas_bits
FROM evento_tema AS t
JOIN eventos AS e USING (evento_id)
LEFT JOIN (
    SELECT tb.evento_id, bit_or(CAST(1 AS UBIGINT) << b.bit) AS temas_bits
    FROM evento_tema AS tb
    JOIN bit_tema AS b ON b.tema = tb.tema
    WHERE b.bit IS NOT NULL
    GROUP BY tb.evento_id
) AS bits USING (evento_id)
ORDER BY e.fecha NULLS LAST, t.evento_id, t.tema;
