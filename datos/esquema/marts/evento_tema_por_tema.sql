-- mart: los eventos de cada tema como una lista (una fila por tema): lado chico del filtro de
-- tema (Filtros.donde), con un tamaño que DuckDB estima bien (ver evento_organizacion_por_organizacion.sql).
CREATE OR REPLACE TABLE evento_tema_por_tema AS
SELECT tema, list(evento_id ORDER BY evento_id) AS eventos
FROM evento_tema
GROUP BY tema
ORDER BY tema;
