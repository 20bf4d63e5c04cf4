-- Conteos de la página Calidad de datos (sobre toda la base, sin filtros).
SELECT
    (SELECT count(*) FROM notas) AS notas,
    (SELECT count(*) FROM eventos) AS eventos,
    (SELECT count(*) FROM eventos WHERE fecha IS NULL) AS sin_fecha,
    (SELECT count(*) FROM eventos WHERE region IS NULL AND (pais IS NULL OR pais = 'Perú')) AS sin_region,
    (SELECT count(*) FROM organizaciones WHERE NOT en_catalogo) AS organizaciones_fuera_catalogo,
    (SELECT count(*) FROM rechazos) AS rechazos,
    (SELECT max(fin) FROM construcciones) AS ultima_construccion
