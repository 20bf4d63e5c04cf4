-- incremental: solo los pares de los eventos nuevos (los evento_id nuevos son mayores que todos los previos).
INSERT INTO evento_par
SELECT a.evento_id,
       a.organizacion_id AS organizacion_a,
       b.organizacion_id AS organizacion_b
FROM evento_organizacion AS a
JOIN evento_organizacion AS b
  ON a.evento_id = b.evento_id AND a.organizacion_id < b.organizacion_id
WHERE a.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
  AND b.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
ORDER BY a.evento_id, organizacion_a, organizacion_b;
