-- Cuántos eventos cumplen los filtros.
SELECT count(*) AS eventos FROM eventos e WHERE {donde}
