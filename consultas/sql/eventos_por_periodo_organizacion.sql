-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos por periodo y organización: un evento cuenta en cada organización que participa.
-- "Otros" suma participaciones de las demás organizaciones (no eventos distintos): contar eventos
-- distintos ahí exige deduplicar millones de filas a gran escala y no cambia la lectura del gráfico.
-- Se agrega una vez por (periodo, organización) y sobre eso se eligen las principales.
WITH conteo AS MATERIALIZED (
    SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, e.organizacion_id AS clave, count(*) AS eventos
    FROM hechos_organizacion e
    WHERE e.fecha IS NOT NULL AND ({donde})
    GROUP BY ALL
),
principales AS (
    SELECT clave FROM conteo GROUP BY clave ORDER BY sum(eventos) DESC, clave LIMIT ?
),
agrupado AS (
    SELECT periodo, CASE WHEN clave IN (SELECT clave FROM principales) THEN clave END AS clave,
           CAST(sum(eventos) AS BIGINT) AS eventos
    FROM conteo
    GROUP BY ALL
)
SELECT a.periodo, coalesce(o.nombre, 'Otros') AS grupo, a.eventos
FROM agrupado a
LEFT JOIN organizaciones o ON o.organizacion_id = a.clave
ORDER BY a.periodo, grupo
