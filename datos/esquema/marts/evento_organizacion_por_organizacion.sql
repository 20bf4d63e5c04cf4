-- mart: los eventos de cada organización como una lista (una fila por organización).
-- Es el lado chico del filtro de organización (Filtros.donde): DuckDB estima bien su tamaño
-- y arma la tabla hash con los eventos de la organización, nunca con la tabla grande que filtra
-- (con evento_organizacion estimaba 20 % de 4 millones y a veces daba vuelta la unión: 0,5 s).
CREATE OR REPLACE TABLE evento_organizacion_por_organizacion AS
SELECT organizacion_id, list(evento_id ORDER BY evento_id) AS eventos
FROM evento_organizacion
GROUP BY organizacion_id
ORDER BY organizacion_id;
