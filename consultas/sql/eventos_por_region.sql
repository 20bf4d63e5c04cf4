-- Eventos por departamento del Perú: todos los departamentos del catálogo (0 si no hay),
-- más cualquier región de la base que no figure en él.
WITH deps AS (
    SELECT unnest(?::VARCHAR[]) AS region, unnest(?::VARCHAR[]) AS nombre_geo
),
ev AS (
    SELECT e.evento_id, e.region, e.oficina, e.fecha
    FROM eventos e
    WHERE e.region IS NOT NULL AND ({donde})
),
por_region AS (
    SELECT region, count(*) AS eventos, count(DISTINCT oficina) AS oficinas, max(fecha) AS ultima_fecha
    FROM ev
    GROUP BY region
),
orgs AS (
    SELECT ev.region, count(DISTINCT eo.organizacion_id) AS organizaciones
    FROM ev
    JOIN evento_organizacion eo ON eo.evento_id = ev.evento_id
    GROUP BY ev.region
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
ORDER BY eventos DESC, region COLLATE noaccent.nocase
