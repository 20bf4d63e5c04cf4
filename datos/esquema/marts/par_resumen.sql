-- mart: en cuántos eventos coincide cada par de organizaciones (vistas de co-participación sin filtros).
-- Va después de evento_par (orden alfabético de archivos) porque se calcula desde él.
CREATE OR REPLACE TABLE par_resumen AS
SELECT organizacion_a, organizacion_b, count(*) AS eventos
FROM evento_par
GROUP BY ALL
ORDER BY eventos DESC, organizacion_a, organizacion_b;
