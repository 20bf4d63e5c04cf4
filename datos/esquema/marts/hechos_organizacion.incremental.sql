-- incremental: agrega al final las filas de los eventos nuevos (suelen ser los más recientes: el orden por fecha se conserva casi igual).
INSERT INTO hechos_organizacion
SELECT eo.evento_id, eo.organizacion_id,
       e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento,
       coalesce(bits.temas_bits, CAST(0 AS UBIGINT)) AS temas_bits
FROM evento_organizacion AS eo
JOIN eventos AS e USING (evento_id)
LEFT JOIN (
    SELECT tb.evento_id, bit_or(CAST(1 AS UBIGINT) << b.bit) AS temas_bits
    FROM evento_tema AS tb
    JOIN bit_tema AS b ON b.tema = tb.tema
    WHERE b.bit IS NOT NULL
      AND tb.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
    GROUP BY tb.evento_id
) AS bits USING (evento_id)
WHERE eo.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
  AND e.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
ORDER BY e.fecha NULLS LAST, eo.evento_id, eo.organizacion_id;
