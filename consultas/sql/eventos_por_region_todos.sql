-- Eventos por departamento sin filtros (como eventos_por_region.sql): las organizaciones distintas de cada
-- región salen del mart region_organizacion en vez de contarse sobre hechos_organizacion.
WITH deps AS (
    SELECT unnest(?::VARCHAR[]) AS region, unnest(?::VARCHAR[]) AS nombre_geo
),
por_region AS (
    SELECT e.region, count(*) AS eventos, count(DISTINCT e.oficina) AS oficinas, max(e.fecha) AS ultima_fecha
    FROM hechos_evento e
    GROUP BY e.region
),
orgs AS (
    SELECT region, count(*) AS organizaciones
    FROM region_organizacion
    GROUP BY region
)
SELECT coalesce(d.region, p.region) AS region,
       d.nombre_geo,
       coalesce(p.eventos, 0) AS eventos,
       coalesce(o.organizaciones, 0) AS organizaciones,
       coalesce(p.oficinas, 0) AS oficinas,
       p.ultima_fecha
FROM deps d
FULL OUTER JOIN por_region p ON p.region = d.region
LEFT JOIN orgs o ON o.region = coalesce(d.region, p.region)
WHERE coalesce(d.region, p.region) IS NOT NULL
ORDER BY eventos DESC, region COLLATE noaccent.nocase
