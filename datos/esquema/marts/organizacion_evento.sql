-- mart: una fila por (organización, evento) con los campos por los que se filtra, lo que muestra la lista
-- de la página Organizaciones (título, mención, evidencia) y todas las organizaciones del evento,
-- ordenada por organización y del evento más reciente al más antiguo. Las consultas de una organización
-- leen solo sus bloques (zonemaps de organizacion_id; 80 mil filas en vez de 4 millones a 1 M de eventos)
-- y sus últimos eventos quedan juntos: traer la evidencia de 500 de ellos desde evento_organizacion,
-- repartidos por toda la tabla, descomprimía un bloque por fila (~150 ms). Con `organizaciones` los socios
-- salen de sus propias filas, sin recorrer hechos_organizacion. `temas_bits` como en hechos_organizacion.
CREATE OR REPLACE TABLE organizacion_evento AS
SELECT eo.organizacion_id, eo.evento_id,
       e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento,
       coalesce(bits.temas_bits, CAST(0 AS UBIGINT)) AS temas_bits,
       todas.organizaciones,
       e.titulo, eo.mencion, eo.evidencia
FROM evento_organizacion AS eo
JOIN eventos AS e USING (evento_id)
JOIN (
    SELECT evento_id, list(organizacion_id ORDER BY organizacion_id) AS organizaciones
    FROM evento_organizacion
    GROUP BY evento_id
) AS todas USING (evento_id)
LEFT JOIN (
    SELECT tb.evento_id, bit_or(CAST(1 AS UBIGINT) << b.bit) AS temas_bits
    FROM evento_tema AS tb
    JOIN bit_tema AS b ON b.tema = tb.tema
    WHERE b.bit IS NOT NULL
    GROUP BY tb.evento_id
) AS bits USING (evento_id)
ORDER BY eo.organizacion_id, e.fecha DESC NULLS LAST, eo.evento_id DESC;
