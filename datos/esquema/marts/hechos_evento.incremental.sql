-- incremental: agrega al final los eventos nuevos.
INSERT INTO hechos_evento
SELECT e.evento_id,
       e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento,
       coalesce(bits.temas_bits, CAST(0 AS UBIGINT)) AS temas_bits
FROM eventos AS e
LEFT JOIN (
    SELECT tb.evento_id, bit_or(CAST(1 AS UBIGINT) << b.bit) AS temas_bits
    FROM evento_tema AS tb
    JOIN bit_tema AS b ON b.tema = tb.tema
    WHERE b.bit IS NOT NULL
      AND tb.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
    GROUP BY tb.evento_id
) AS bits USING (evento_id)
WHERE e.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
ORDER BY e.fecha NULLS LAST, e.evento_id;
