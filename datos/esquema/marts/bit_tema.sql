-- mart: un bit (0-63) por tema, en orden de primera aparición: los marts hechos_* guardan en
-- `temas_bits` los temas de cada evento y el filtro de tema es una prueba de bits en la misma
-- lectura, sin semi-join contra millones de filas. Un tema nuevo recibe el siguiente bit y los
-- ya asignados no cambian (los eventos nunca se borran): el incremental da lo mismo que esto.
-- Más allá de 64 temas, bit NULL: para esos temas el filtro vuelve al semi-join.
CREATE OR REPLACE TABLE bit_tema AS
SELECT tema, CAST(CASE WHEN n < 64 THEN n END AS UTINYINT) AS bit
FROM (
    SELECT tema, row_number() OVER (ORDER BY primer_evento, tema) - 1 AS n
    FROM (SELECT tema, min(evento_id) AS primer_evento FROM evento_tema GROUP BY tema)
)
ORDER BY tema;
