-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Todo lo que muestra la página Coparticipación en UNA lectura filtrada de hechos_organizacion (`base`):
--   celda: las K organizaciones con más eventos (a = b, `puesto` 1..K) y los eventos que comparten (a < b);
--   par: los N pares con más eventos compartidos; socio: los socios de una organización (sin ella, de la
--   primera de la red: más eventos y luego nombre);
--   principal: las M organizaciones con más eventos (orden por nombre en empates, como socios_principales).
-- Los pares principales no recorren todos los pares: el N-ésimo mejor par entre las K primeras es una cota
-- inferior `minimo` del N-ésimo mejor par. Un par con `minimo` eventos juntos entre los filtrados tiene al
-- menos `minimo` en total (par_resumen) y cada una de las dos al menos `minimo` eventos filtrados. Los pares
-- entre las K primeras ya están contados (pares_top); solo se cruzan los demás pares que cumplen eso (casi
-- nunca hay: con muchos eventos, `minimo` supera los eventos de la K+1-ésima). Mismo resultado, con empates.
WITH base AS MATERIALIZED (
    SELECT e.evento_id, e.organizacion_id
    FROM hechos_organizacion e
    WHERE {donde}
),
conteo AS MATERIALIZED (
    SELECT organizacion_id, count(*) AS eventos FROM base GROUP BY organizacion_id
),
top AS MATERIALIZED (
    SELECT organizacion_id, eventos, row_number() OVER (ORDER BY eventos DESC, organizacion_id) AS puesto
    FROM conteo
    ORDER BY eventos DESC, organizacion_id
    LIMIT ?
),
sel AS (
    SELECT evento_id, organizacion_id FROM base WHERE organizacion_id IN (SELECT organizacion_id FROM top)
),
pares_top AS MATERIALIZED (
    SELECT a.organizacion_id AS organizacion_a, b.organizacion_id AS organizacion_b, count(*) AS eventos
    FROM sel a
    JOIN sel b ON b.evento_id = a.evento_id AND a.organizacion_id < b.organizacion_id
    GROUP BY ALL
),
umbral AS (
    SELECT CASE WHEN count(*) >= ? THEN min(eventos) ELSE 1 END AS minimo
    FROM (SELECT eventos FROM pares_top ORDER BY eventos DESC LIMIT ?)
),
posibles AS MATERIALIZED (  -- organizaciones con al menos `minimo` eventos filtrados
    SELECT organizacion_id FROM conteo WHERE eventos >= (SELECT minimo FROM umbral)
),
candidatos AS MATERIALIZED (  -- pares que pueden llegar a `minimo` y que pares_top no tiene (alguna fuera del top)
    SELECT organizacion_a, organizacion_b FROM par_resumen
    WHERE eventos >= (SELECT minimo FROM umbral)
      AND organizacion_a IN (SELECT organizacion_id FROM posibles)
      AND organizacion_b IN (SELECT organizacion_id FROM posibles)
      AND NOT (organizacion_a IN (SELECT organizacion_id FROM top) AND organizacion_b IN (SELECT organizacion_id FROM top))
),
candidatas AS (
    SELECT evento_id, organizacion_id FROM base
    WHERE organizacion_id IN (SELECT organizacion_a FROM candidatos UNION ALL SELECT organizacion_b FROM candidatos)
),
pares AS (
    SELECT organizacion_a, organizacion_b, eventos FROM (
        SELECT organizacion_a, organizacion_b, eventos FROM pares_top
        UNION ALL
        SELECT a.organizacion_id, b.organizacion_id, count(*)
        FROM candidatas a
        JOIN candidatas b ON b.evento_id = a.evento_id AND a.organizacion_id < b.organizacion_id
        SEMI JOIN candidatos c ON c.organizacion_a = a.organizacion_id AND c.organizacion_b = b.organizacion_id
        GROUP BY ALL
    )
    ORDER BY eventos DESC, organizacion_a, organizacion_b
    LIMIT ?
),
elegida AS (
    SELECT CASE WHEN CAST(? AS VARCHAR) IS NULL
                THEN (SELECT t.organizacion_id FROM top t JOIN organizaciones o USING (organizacion_id)
                      ORDER BY t.eventos DESC, o.nombre LIMIT 1)
                ELSE (SELECT organizacion_id FROM organizaciones WHERE nombre = CAST(? AS VARCHAR)) END AS organizacion_id
),
socios AS (  -- en los eventos de la elegida, cuántos comparte con cada una (ella misma se quita al final)
    SELECT organizacion_id, count(*) AS eventos
    FROM base
    WHERE evento_id IN (SELECT b.evento_id FROM base b JOIN elegida s USING (organizacion_id))
    GROUP BY ALL
),
socios_n AS (
    SELECT s.organizacion_id, s.eventos
    FROM socios s JOIN organizaciones o USING (organizacion_id)
    ANTI JOIN elegida x ON x.organizacion_id = s.organizacion_id
    ORDER BY s.eventos DESC, o.nombre
    LIMIT ?
),
principales AS (
    SELECT c.organizacion_id, c.eventos
    FROM conteo c JOIN organizaciones o USING (organizacion_id)
    ORDER BY c.eventos DESC, o.nombre
    LIMIT ?
),
partes AS (
    SELECT 'celda' AS parte, organizacion_id AS a, organizacion_id AS b, eventos, puesto AS puesto_a, puesto AS puesto_b
    FROM top
    UNION ALL
    SELECT 'celda', p.organizacion_a, p.organizacion_b, p.eventos, ta.puesto, tb.puesto
    FROM pares_top p
    JOIN top ta ON ta.organizacion_id = p.organizacion_a
    JOIN top tb ON tb.organizacion_id = p.organizacion_b
    UNION ALL
    SELECT 'par', organizacion_a, organizacion_b, eventos, NULL, NULL FROM pares
    UNION ALL
    SELECT 'socio', organizacion_id, NULL, eventos, NULL, NULL FROM socios_n
    UNION ALL
    SELECT 'principal', organizacion_id, NULL, eventos, NULL, NULL FROM principales
)
SELECT p.parte, oa.nombre AS organizacion_a, ob.nombre AS organizacion_b, p.eventos,
       oa.sigla AS sigla_a, ob.sigla AS sigla_b, oa.tipo AS tipo_a, ob.tipo AS tipo_b, p.puesto_a, p.puesto_b
FROM partes p
JOIN organizaciones oa ON oa.organizacion_id = p.a
LEFT JOIN organizaciones ob ON ob.organizacion_id = p.b
ORDER BY p.parte, p.eventos DESC, organizacion_a, organizacion_b
