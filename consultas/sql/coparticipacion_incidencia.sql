-- Todas las participaciones (evento, organización): coparticipacion.py las guarda una vez por versión de la
-- base como organizaciones por evento (CSR) y cuenta pares sobre ellas. Sin ORDER BY: la tabla se carga por
-- evento y así se lee en ~0,1 s a un millón (ordenarla costaba 0,24 s); si no viniera agrupada, numpy la ordena.
SELECT evento_id, organizacion_id
FROM evento_organizacion
