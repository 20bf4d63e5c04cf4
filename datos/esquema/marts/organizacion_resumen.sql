-- mart: cuántos eventos tiene cada organización y entre qué fechas (vista sin filtros y listas de opciones).
CREATE OR REPLACE TABLE organizacion_resumen AS
SELECT o.organizacion_id, o.nombre, o.sigla, o.tipo, o.en_catalogo,
       count(*)      AS eventos,
       min(e.fecha)  AS primera_fecha,
       max(e.fecha)  AS ultima_fecha
FROM organizaciones AS o
JOIN evento_organizacion AS eo USING (organizacion_id)
JOIN eventos AS e USING (evento_id)
GROUP BY ALL
ORDER BY eventos DESC, o.nombre;
