-- mart: una fila por (evento, organización) con los campos del evento por los que se filtra, ordenada por fecha.
-- Las vistas filtran y agregan aquí sin unir eventos con evento_organizacion, y los filtros de año saltan
-- bloques enteros (zonemaps). Filtros.donde() funciona igual sobre este mart (mismos nombres de columna);
-- `temas_bits` (bits de bit_tema.sql) permite filtrar por tema sin semi-join.
CREATE OR REPLACE TABLE hechos_organizacion AS
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
    GROUP BY tb.evento_id
) AS bits USING (evento_id)
ORDER BY e.fecha NULLS LAST, eo.evento_id, eo.organizacion_id;
