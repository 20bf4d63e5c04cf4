-- Cifras clave sin filtros (las organizaciones salen del mart organizacion_resumen).
SELECT
    (SELECT count(*) FROM eventos) AS eventos,
    (SELECT count(*) FROM organizacion_resumen) AS organizaciones,
    (SELECT count(DISTINCT oficina) FROM eventos) AS oficinas,
    (SELECT count(DISTINCT region) FROM eventos) AS regiones,
    (SELECT count(DISTINCT pais) FROM eventos WHERE pais <> 'Perú') AS paises
