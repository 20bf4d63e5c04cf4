-- mart: los pares de evento_par (a < b) con los campos del evento por los que se filtra, ordenados por fecha:
-- la co-participación filtrada agrega aquí sin unir millones de pares con eventos.
-- Va después de evento_par (orden alfabético de archivos) porque se calcula desde él.
CREATE OR REPLACE TABLE hechos_par AS
SELECT p.evento_id, p.organizacion_a, p.organizacion_b,
       e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento,
       coalesce(bits.temas_bits, CAST(0 AS UBIGINT)) AS temas_bits
FROM evento_par AS p
JOIN eventos AS e USING (evento_id)
LEFT JOIN (
    SELECT tb.evento_id, bit_or(CAST(1 AS UBIGINT) << b.bit) AS temas_bits
    FROM evento_tema AS tb
    JOIN bit_tema AS b ON b.tema = tb.tema
    WHERE b.bit IS NOT NULL
    GROUP BY tb.evento_id
) AS bits USING (evento_id)
ORDER BY e.fecha NULLS LAST, p.evento_id, p.organizacion_a, p.organizacion_b;
