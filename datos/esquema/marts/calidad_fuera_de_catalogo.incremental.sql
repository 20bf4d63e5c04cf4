-- incremental: agrega al final las filas de los eventos nuevos.
INSERT INTO calidad_fuera_de_catalogo
SELECT eo.evento_id, eo.organizacion_id,
       e.anio, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento,
       coalesce(bits.temas_bits, CAST(0 AS UBIGINT)) AS temas_bits,
       eo.evidencia
FROM evento_organizacion AS eo
JOIN organizaciones AS o ON o.organizacion_id = eo.organizacion_id AND NOT o.en_catalogo
JOIN eventos AS e ON e.evento_id = eo.evento_id
LEFT JOIN (
    SELECT tb.evento_id, bit_or(CAST(1 AS UBIGINT) << b.bit) AS temas_bits
    FROM evento_tema AS tb
    JOIN bit_tema AS b ON b.tema = tb.tema
    WHERE b.bit IS NOT NULL
      AND tb.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
    GROUP BY tb.evento_id
) AS bits ON bits.evento_id = eo.evento_id
WHERE eo.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
  AND e.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
ORDER BY eo.organizacion_id, eo.evento_id;
