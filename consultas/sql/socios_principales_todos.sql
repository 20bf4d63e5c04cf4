-- Organizaciones con más eventos, sin filtros: del mart organizacion_resumen.
SELECT nombre AS organizacion, sigla, tipo, eventos
FROM organizacion_resumen
ORDER BY eventos DESC, nombre
LIMIT ?
