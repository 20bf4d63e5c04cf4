-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Cifras clave de los eventos filtrados. `paises` cuenta países del exterior (Perú aparte).
-- Las organizaciones se cuentan en el mart hechos_organizacion (sin semi-join contra eventos).
WITH ev AS (
    SELECT e.oficina, e.region, e.pais
    FROM hechos_evento e
    WHERE {donde}
)
SELECT
    (SELECT count(*) FROM ev) AS eventos,
    (SELECT count(DISTINCT e.organizacion_id) FROM hechos_organizacion e WHERE {donde}) AS organizaciones,
    (SELECT count(DISTINCT oficina) FROM ev) AS oficinas,
    (SELECT count(DISTINCT region) FROM ev) AS regiones,
    (SELECT count(DISTINCT pais) FROM ev WHERE pais <> 'Perú') AS paises
