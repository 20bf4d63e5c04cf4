-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos por periodo y tema: un evento cuenta en cada grupo en que aparece, y una sola vez en "Otros".
-- Se agrega primero sobre claves pequeñas; "Otros" cuenta eventos distintos solo fuera de los principales.
WITH base AS MATERIALIZED (
    SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, e.evento_id, e.tema AS clave
    FROM hechos_tema e
    WHERE e.fecha IS NOT NULL AND ({donde})
),
principales AS (
    SELECT clave FROM base GROUP BY clave ORDER BY count(*) DESC, clave LIMIT ?
),
por_grupo AS (
    SELECT periodo, clave, count(*) AS eventos
    FROM base
    WHERE clave IN (SELECT clave FROM principales)
    GROUP BY periodo, clave
),
otros AS (
    SELECT periodo, count(*) AS eventos
    FROM (SELECT DISTINCT periodo, evento_id FROM base WHERE clave NOT IN (SELECT clave FROM principales))
    GROUP BY periodo
)
SELECT periodo, g.clave AS grupo, g.eventos
FROM por_grupo g

UNION ALL
SELECT periodo, 'Otros' AS grupo, eventos FROM otros
ORDER BY periodo, grupo
