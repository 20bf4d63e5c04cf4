-- mart: eventos compartidos por cada par de organizaciones (a < b), sobre toda la base.
-- La vista sin filtros de Coparticipación lee de aquí en vez de agrupar millones de filas de evento_par.
CREATE OR REPLACE TABLE par_resumen AS
SELECT organizacion_a, organizacion_b, count(*) AS eventos
FROM evento_par
GROUP BY organizacion_a, organizacion_b
ORDER BY eventos DESC, organizacion_a, organizacion_b;
