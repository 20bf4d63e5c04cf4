-- mart: pares de organizaciones que participan en el mismo evento (a < b, una fila por par y evento).
-- Precalculado para que la co-participación no tenga que autounir evento_organizacion en cada consulta.
CREATE OR REPLACE TABLE evento_par AS
SELECT a.evento_id,
       a.organizacion_id AS organizacion_a,
       b.organizacion_id AS organizacion_b
FROM evento_organizacion AS a
JOIN evento_organizacion AS b
  ON a.evento_id = b.evento_id AND a.organizacion_id < b.organizacion_id
ORDER BY a.evento_id, organizacion_a, organizacion_b;
