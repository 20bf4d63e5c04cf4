-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos por periodo y organización: un evento cuenta en cada organización que participa.
-- "Otros" suma participaciones de las demás organizaciones (no eventos distintos): contar eventos
-- distintos ahí exige deduplicar millones de filas a gran escala y no cambia la lectura del gráfico.
-- Se filtran los eventos en evento_lista (una fila por evento, con la lista de sus organizaciones:
-- 4 veces menos filas que hechos_organizacion) y solo se despliegan las listas de los que pasan.
-- Las principales salen de contar por organización (pocos grupos) y después se cuenta por periodo y
-- principal u "Otros": agrupar de una vez por (periodo, organización) arma cientos de miles de
-- grupos y costaba más que leer las filas.
WITH filas AS MATERIALIZED (
    SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, unnest(e.organizacion_ids) AS clave
    FROM evento_lista e
    WHERE e.fecha IS NOT NULL AND ({donde})
),
principales AS (
    SELECT clave FROM filas GROUP BY clave ORDER BY count(*) DESC, clave LIMIT ?
),
agrupado AS (
    SELECT periodo, CASE WHEN clave IN (SELECT clave FROM principales) THEN clave END AS clave,
           count(*) AS eventos
    FROM filas
    GROUP BY ALL
)
SELECT a.periodo, coalesce(o.nombre, 'Otros') AS grupo, a.eventos
FROM agrupado a
LEFT JOIN organizaciones o ON o.organizacion_id = a.clave
ORDER BY a.periodo, grupo
