-- Eventos filtrados, uno por fila, con organizaciones, temas y espacios como listas legibles.
-- Primero se eligen (y se limitan) los eventos; las listas se arman solo para esos.
WITH ev AS (
    SELECT e.*
    FROM eventos e
    WHERE {donde}
    ORDER BY e.fecha DESC NULLS LAST, e.evento_id DESC
    LIMIT ?
),
orgs AS (
    SELECT eo.evento_id, string_agg(o.nombre, ', ' ORDER BY o.nombre) AS organizaciones
    FROM evento_organizacion eo
    JOIN organizaciones o ON o.organizacion_id = eo.organizacion_id
    WHERE eo.evento_id IN (SELECT evento_id FROM ev)
    GROUP BY eo.evento_id
),
tms AS (
    SELECT t.evento_id, string_agg(t.tema, ', ' ORDER BY t.tema) AS temas
    FROM evento_tema t
    WHERE t.evento_id IN (SELECT evento_id FROM ev)
    GROUP BY t.evento_id
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
