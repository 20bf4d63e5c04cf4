-- incremental: agrega los eventos nuevos a la lista de cada tema (y los temas nuevos).
CREATE OR REPLACE TEMP TABLE _eventos_tema_nuevos AS
SELECT tema, list(evento_id ORDER BY evento_id) AS eventos
FROM evento_tema
WHERE evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
GROUP BY tema;

UPDATE evento_tema_por_tema AS p
SET eventos = list_concat(p.eventos, n.eventos)
FROM _eventos_tema_nuevos AS n
WHERE p.tema = n.tema;

INSERT INTO evento_tema_por_tema
SELECT n.tema, n.eventos
FROM _eventos_tema_nuevos AS n
ANTI JOIN evento_tema_por_tema AS p ON p.tema = n.tema;

DROP TABLE _eventos_tema_nuevos;
