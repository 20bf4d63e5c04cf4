-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Cifras clave (como cifras.sql) del periodo elegido y del anterior de igual largo, en una sola lectura: el
-- filtro cubre los dos periodos seguidos y `actual` (año >= primer año elegido) los separa.
-- Una fila por periodo (actual primero), con ceros si un periodo no tiene eventos.
WITH ev AS (
    SELECT e.anio >= ? AS actual, e.oficina, e.region, e.pais
    FROM hechos_evento e
    WHERE {donde}
),
conteo AS (
    SELECT actual, count(*) AS eventos, count(DISTINCT oficina) AS oficinas, count(DISTINCT region) AS regiones,
           count(DISTINCT pais) FILTER (WHERE pais <> 'Perú') AS paises
    FROM ev
    GROUP BY actual
),
orgs AS (
    SELECT e.anio >= ? AS actual, count(DISTINCT e.organizacion_id) AS organizaciones
    FROM hechos_organizacion e
    WHERE {donde}
    GROUP BY 1
)
SELECT p.actual,
       coalesce(c.eventos, 0) AS eventos,
       coalesce(o.organizaciones, 0) AS organizaciones,
       coalesce(c.oficinas, 0) AS oficinas,
       coalesce(c.regiones, 0) AS regiones,
       coalesce(c.paises, 0) AS paises
FROM (SELECT unnest([true, false]) AS actual) p
LEFT JOIN conteo c ON c.actual = p.actual
LEFT JOIN orgs o ON o.actual = p.actual
ORDER BY p.actual DESC
