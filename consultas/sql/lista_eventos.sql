-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos filtrados, uno por fila, con organizaciones, temas y espacios como listas legibles.
-- Primero se eligen (y se limitan) los eventos; las listas se arman solo para esos.
-- Los ids se eligen leyendo solo las columnas del filtro y del orden; las demás columnas
-- (título, url, archivo...) se leen solo para esos (leerlas para el millón costaba 0,5 s).
WITH ids AS (
    SELECT e.evento_id
    FROM hechos_evento e
    WHERE {donde}
    ORDER BY e.fecha DESC NULLS LAST, e.evento_id DESC
    LIMIT ?
),
ev AS (
    SELECT x.*
    FROM eventos x
    WHERE x.evento_id IN (SELECT evento_id FROM ids)
),
-- Organizaciones y temas de esos eventos desde los marts ordenados por fecha: los dos parámetros
-- (fecha más antigua de la lista y si trae eventos sin fecha, de lista_eventos_rango.sql) hacen
-- que solo se lean los bloques recientes del mart.
orgs AS (
    SELECT h.evento_id, string_agg(o.nombre, ', ' ORDER BY o.nombre) AS organizaciones
    FROM hechos_organizacion h
    JOIN organizaciones o ON o.organizacion_id = h.organizacion_id
    WHERE (h.fecha >= coalesce(?::DATE, DATE '0001-01-01') OR (h.fecha IS NULL AND ?::BOOLEAN))
      AND h.evento_id IN (SELECT evento_id FROM ids)
    GROUP BY h.evento_id
),
tms AS (
    SELECT h.evento_id, string_agg(h.tema, ', ' ORDER BY h.tema) AS temas
    FROM hechos_tema h
    WHERE (h.fecha >= coalesce(?::DATE, DATE '0001-01-01') OR (h.fecha IS NULL AND ?::BOOLEAN))
      AND h.evento_id IN (SELECT evento_id FROM ids)
    GROUP BY h.evento_id
),
esp AS (
    SELECT s.evento_id, string_agg(s.espacio, ', ' ORDER BY s.espacio) AS espacios
    FROM evento_espacio s
    WHERE s.evento_id IN (SELECT evento_id FROM ev)
    GROUP BY s.evento_id
)
SELECT ev.evento_id, ev.fecha, ev.fecha_publicacion, ev.titulo, ev.tipo_nota, ev.numero_nota,
       ev.oficina, ev.tipo_oficina, ev.pais, ev.region, ev.tipo_evento,
       coalesce(orgs.organizaciones, '') AS organizaciones,
       coalesce(tms.temas, '') AS temas,
       coalesce(esp.espacios, '') AS espacios,
       ev.url, ev.archivo
FROM ev
LEFT JOIN orgs ON orgs.evento_id = ev.evento_id
LEFT JOIN tms ON tms.evento_id = ev.evento_id
LEFT JOIN esp ON esp.evento_id = ev.evento_id
ORDER BY ev.fecha DESC NULLS LAST, ev.evento_id DESC
