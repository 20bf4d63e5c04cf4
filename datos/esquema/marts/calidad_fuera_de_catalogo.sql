-- mart: las filas de hechos_organizacion de organizaciones fuera del catálogo (un 7 % de las
-- participaciones) con la oración que las nombra: la página Calidad de datos las cuenta y toma un
-- ejemplo sin recorrer los 4 millones de filas de hechos_organizacion ni evento_organizacion.
-- Campos de filtro con los nombres de Filtros.donde (y `temas_bits` de bit_tema.sql).
CREATE OR REPLACE TABLE calidad_fuera_de_catalogo AS
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
    GROUP BY tb.evento_id
) AS bits ON bits.evento_id = eo.evento_id
ORDER BY eo.organizacion_id, eo.evento_id;
