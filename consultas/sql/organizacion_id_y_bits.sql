-- Una organización (id y ficha) y los bits de tema para el mart organizacion_evento (en una base sin bit_tema,
-- la vista de respaldo no da bit a ningún tema). temas_sin_bit: temas de la base sin bit (más de 64);
-- elegidos_sin_bit y mascara: los de la lista de temas del filtro (los que no están en la base no suman,
-- como en el semi-join). Sin esa organización, una fila con id NULL.
WITH org AS (
    SELECT organizacion_id, nombre, sigla, tipo, en_catalogo FROM organizaciones WHERE nombre = ?
),
bits AS (
    SELECT count(*) FILTER (WHERE b.bit IS NULL) AS elegidos_sin_bit,
           coalesce(bit_or(CAST(1 AS UBIGINT) << b.bit), CAST(0 AS UBIGINT)) AS mascara
    FROM bit_tema b
    WHERE b.tema IN (SELECT unnest(CAST(? AS VARCHAR[])))
)
SELECT org.organizacion_id, org.nombre, org.sigla, org.tipo, org.en_catalogo,
       (SELECT count(*) FROM bit_tema WHERE bit IS NULL) AS temas_sin_bit,
       bits.elegidos_sin_bit, bits.mascara
FROM bits
LEFT JOIN org ON true
