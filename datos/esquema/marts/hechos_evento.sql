-- mart: una fila por evento con solo los campos por los que se filtra y agrega, ordenada por fecha
-- (los filtros de año saltan bloques) y con `temas_bits` (filtro de tema sin semi-join). Para cifras,
-- conteos por periodo, región o país; la tabla eventos sigue siendo la de títulos, url y evidencias.
CREATE OR REPLACE TABLE hechos_evento AS
SELECT e.evento_id,
       e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento,
       coalesce(bits.temas_bits, CAST(0 AS UBIGINT)) AS temas_bits
FROM eventos AS e
LEFT JOIN (
    SELECT tb.evento_id, bit_or(CAST(1 AS UBIGINT) << b.bit) AS temas_bits
    FROM evento_tema AS tb
    JOIN bit_tema AS b ON b.tema = tb.tema
    WHERE b.bit IS NOT NULL
    GROUP BY tb.evento_id
) AS bits USING (evento_id)
ORDER BY e.fecha NULLS LAST, e.evento_id;
