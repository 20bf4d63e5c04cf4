-- filtros sobre hechos_* (el filtro de tema puede ser una prueba de bits de temas_bits; ver ejecucion.py)
-- Eventos filtrados, uno por fila, con organizaciones, temas y espacios como listas legibles.
-- Todo sale del mart evento_lista, guardado en el orden de la lista: los ids se eligen leyendo solo
-- las columnas del filtro y del orden (los primeros bloques), y las demás columnas se leen solo para
-- esos. Los nombres de las organizaciones se buscan solo para los eventos de la lista.
WITH ids AS (
    SELECT e.evento_id
    FROM evento_lista e
    WHERE {donde}
    ORDER BY e.fecha DESC NULLS LAST, e.evento_id DESC
    LIMIT ?
),
lista AS (
    SELECT x.*
    FROM evento_lista x
    WHERE x.evento_id IN (SELECT evento_id FROM ids)
),
orgs AS (
    SELECT u.evento_id, string_agg(o.nombre, ', ' ORDER BY o.nombre) AS organizaciones
    FROM (SELECT l.evento_id, unnest(l.organizacion_ids) AS organizacion_id FROM lista l) u
    JOIN organizaciones o ON o.organizacion_id = u.organizacion_id
    GROUP BY u.evento_id
)
SELECT l.evento_id, l.fecha, l.fecha_publicacion, l.titulo, l.tipo_nota, l.numero_nota,
       l.oficina, l.tipo_oficina, l.pais, l.region, l.tipo_evento,
       coalesce(orgs.organizaciones, '') AS organizaciones,
       l.temas, l.espacios, l.url, l.archivo
FROM lista l
LEFT JOIN orgs ON orgs.evento_id = l.evento_id
ORDER BY l.fecha DESC NULLS LAST, l.evento_id DESC
