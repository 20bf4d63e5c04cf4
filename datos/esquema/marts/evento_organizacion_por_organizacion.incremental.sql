-- incremental: agrega los eventos nuevos a la lista de cada organización (y las organizaciones nuevas).
CREATE OR REPLACE TEMP TABLE _eventos_org_nuevos AS
SELECT organizacion_id, list(evento_id ORDER BY evento_id) AS eventos
FROM evento_organizacion
WHERE evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
GROUP BY organizacion_id;

UPDATE evento_organizacion_por_organizacion AS p
SET eventos = list_concat(p.eventos, n.eventos)
FROM _eventos_org_nuevos AS n
WHERE p.organizacion_id = n.organizacion_id;

INSERT INTO evento_organizacion_por_organizacion
SELECT n.organizacion_id, n.eventos
FROM _eventos_org_nuevos AS n
ANTI JOIN evento_organizacion_por_organizacion AS p ON p.organizacion_id = n.organizacion_id;

DROP TABLE _eventos_org_nuevos;
