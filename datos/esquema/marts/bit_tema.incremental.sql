-- incremental: los temas que aparecen por primera vez reciben los bits siguientes, en el mismo
-- orden que el cálculo completo (su primera aparición es posterior a la de todos los anteriores).
INSERT INTO bit_tema
SELECT tema, CAST(CASE WHEN n < 64 THEN n END AS UTINYINT) AS bit
FROM (
    SELECT nuevos.tema,
           (SELECT count(*) FROM bit_tema) + row_number() OVER (ORDER BY nuevos.primer_evento, nuevos.tema) - 1 AS n
    FROM (
        SELECT t.tema, min(t.evento_id) AS primer_evento
        FROM evento_tema AS t
        WHERE t.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
        GROUP BY t.tema
    ) AS nuevos
    ANTI JOIN bit_tema AS b ON b.tema = nuevos.tema
);
