-- Filtros sin el de tema; el tema va en la prueba de bits que sigue (organizaciones.py; sin ese filtro, true).
-- Temas de los eventos de la organización (como temas_organizacion.sql) con los bits de temas_bits del mart
-- organizacion_evento, sin releer hechos_tema: se cuentan los eventos por combinación de temas (pocas) y
-- cada combinación suma a sus temas. Solo vale si cada tema tiene bit (a lo sumo 64 temas):
-- organizaciones.py lo comprueba antes y si no, usa temas_organizacion.sql.
WITH combinaciones AS (
    SELECT e.temas_bits, count(*) AS eventos
    FROM organizacion_evento e
    WHERE e.organizacion_id = ? AND {donde}
      AND (? OR (e.temas_bits & CAST(? AS UBIGINT)) <> 0)
    GROUP BY e.temas_bits
)
SELECT b.tema, CAST(sum(c.eventos) AS BIGINT) AS eventos
FROM combinaciones c
JOIN bit_tema b ON (c.temas_bits & (CAST(1 AS UBIGINT) << b.bit)) <> 0
GROUP BY b.tema
ORDER BY eventos DESC, b.tema
