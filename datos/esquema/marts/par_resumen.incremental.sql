-- incremental: suma los pares de los eventos nuevos a los conteos existentes (los eventos nunca se borran).
CREATE OR REPLACE TEMP TABLE _pares_nuevos AS
SELECT organizacion_a, organizacion_b, count(*) AS eventos
FROM evento_par
WHERE evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
GROUP BY ALL;

UPDATE par_resumen AS p
SET eventos = p.eventos + n.eventos
FROM _pares_nuevos AS n
WHERE p.organizacion_a = n.organizacion_a AND p.organizacion_b = n.organizacion_b;

INSERT INTO par_resumen
SELECT n.organizacion_a, n.organizacion_b, n.eventos
FROM _pares_nuevos AS n
ANTI JOIN par_resumen AS p
  ON p.organizacion_a = n.organizacion_a AND p.organizacion_b = n.organizacion_b;

DROP TABLE _pares_nuevos;
