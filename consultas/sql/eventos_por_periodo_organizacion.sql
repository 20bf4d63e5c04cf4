-- Eventos por periodo y organización: un evento cuenta en cada organización que participa.
-- "Otros" suma participaciones de las demás organizaciones (no eventos distintos): contar eventos
-- distintos ahí exige deduplicar millones de filas a gran escala y no cambia la lectura del gráfico.
WITH base AS MATERIALIZED (
    SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, e.evento_id, e.organizacion_id AS clave
    FROM hechos_organizacion e
    WHERE {donde}
),
-- los eventos sin fecha se descartan aquí y no en la lectura: con un filtro más en la lectura
-- DuckDB subestima su tamaño y arma la tabla hash con el mart entero en vez de con el filtro.
con_fecha AS (
    SELECT * FROM base WHERE periodo IS NOT NULL
),
principales AS (
    SELECT clave FROM con_fecha GROUP BY clave ORDER BY count(*) DESC, clave LIMIT ?
),
por_grupo AS (
    SELECT periodo, clave, count(*) AS eventos
    FROM con_fecha
    WHERE clave IN (SELECT clave FROM principales)
    GROUP BY periodo, clave
),
otros AS (
    SELECT periodo, count(*) AS eventos
    FROM con_fecha
    WHERE clave NOT IN (SELECT clave FROM principales)
    GROUP BY periodo
)
SELECT periodo, o.nombre AS grupo, g.eventos
FROM por_grupo g
JOIN organizaciones o ON o.organizacion_id = g.clave
UNION ALL
SELECT periodo, 'Otros' AS grupo, eventos FROM otros
ORDER BY periodo, grupo
