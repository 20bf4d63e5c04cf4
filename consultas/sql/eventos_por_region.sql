-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos por departamento del Perú: todos los departamentos del catálogo (0 si no hay),
-- más cualquier región de la base que no figure en él. Las organizaciones distintas por
-- región salen del mart hechos_organizacion (trae la región de cada evento). Los eventos sin región
-- se descartan al final: con un filtro más en la lectura DuckDB subestima su tamaño y, con filtro de
-- organización, arma la tabla hash con la tabla entera en vez de con el filtro (0,5 s a un millón).
WITH deps AS (
    SELECT unnest(?::VARCHAR[]) AS region, unnest(?::VARCHAR[]) AS nombre_geo
),
por_region AS (
    SELECT e.region, count(*) AS eventos, count(DISTINCT e.oficina) AS oficinas, max(e.fecha) AS ultima_fecha
    FROM hechos_evento e
    WHERE {donde}
    GROUP BY e.region
),
orgs AS (
    SELECT e.region, count(DISTINCT e.organizacion_id) AS organizaciones
    FROM hechos_organizacion e
    WHERE {donde}
    GROUP BY e.region
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
