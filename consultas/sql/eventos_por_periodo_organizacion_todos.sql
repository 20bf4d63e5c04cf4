-- Eventos por periodo y organización sin filtros: los conteos ya agregados del mart
-- semana_organizacion; lo demás como eventos_por_periodo_organizacion.sql.
WITH conteo AS MATERIALIZED (
    SELECT s.periodo, s.organizacion_id AS clave, s.eventos
    FROM semana_organizacion s
    WHERE s.unidad = ?
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
