-- Todas las participaciones (evento, organización), ordenadas por evento y dentro de cada evento por
-- organización: coparticipacion.py las guarda una vez por versión de la base como listas de
-- organizaciones por evento (CSR) y cuenta pares sobre ellas.
SELECT evento_id, organizacion_id
FROM evento_organizacion
ORDER BY evento_id, organizacion_id
