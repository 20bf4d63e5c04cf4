-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos por periodo y tema (un evento cuenta en cada uno de sus temas; los sin fecha no entran),
-- desde el mart hechos_tema (temas con los campos de su evento: sin unir con eventos).
-- Los sin fecha se descartan después de agrupar: con un filtro más en la lectura DuckDB subestima
-- su tamaño y, con filtro de organización, arma la tabla hash con el mart entero.
SELECT periodo, tema, eventos
FROM (
    SELECT CAST(date_trunc(?, e.fecha) AS DATE) AS periodo, e.tema, count(*) AS eventos
    FROM hechos_tema e
    WHERE {donde}
    GROUP BY ALL
)
WHERE periodo IS NOT NULL
ORDER BY periodo, tema
