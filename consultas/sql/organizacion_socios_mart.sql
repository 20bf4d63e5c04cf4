-- Filtros sin el de tema; el tema va en la prueba de bits que sigue (organizaciones.py; sin ese filtro, true).
-- Socios de la organización (como socios_de.sql): las otras organizaciones de sus eventos filtrados, de la
-- lista `organizaciones` de sus filas en el mart organizacion_evento (sin recorrer hechos_organizacion).
WITH conteo AS (
    SELECT s.socio_id, count(*) AS eventos
    FROM (SELECT unnest(e.organizaciones) AS socio_id
          FROM organizacion_evento e
          WHERE e.organizacion_id = ? AND {donde}
            AND (? OR (e.temas_bits & CAST(? AS UBIGINT)) <> 0)) s
    WHERE s.socio_id <> ?
    GROUP BY s.socio_id
)
SELECT o.nombre AS socio, o.sigla, o.tipo, c.eventos
FROM conteo c
JOIN organizaciones o ON o.organizacion_id = c.socio_id
ORDER BY c.eventos DESC, socio
LIMIT ?
