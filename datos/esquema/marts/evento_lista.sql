-- mart: una fila por evento con lo que muestra la tabla de eventos (temas y espacios ya armados como
-- textos, las organizaciones como lista de ids) y los campos por los que se filtra (nombres de
-- Filtros.donde, con `temas_bits` de bit_tema.sql), guardada en el orden de la lista: más reciente
-- primero, los sin fecha al final. Elegir los 1 000 primeros lee solo los primeros bloques (zonemaps
-- de fecha) y armar la lista no junta millones de filas de organizaciones y temas en cada consulta.
-- Las organizaciones van como ids y no como texto: leer ese texto para 1 000 eventos dispersos
-- descomprimía casi todo el mart (la mitad del costo); los nombres se buscan solo para esos 1 000.
CREATE OR REPLACE TABLE evento_lista AS
SELECT e.evento_id,
       e.fecha, e.anio, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento,
       coalesce(bits.temas_bits, CAST(0 AS UBIGINT)) AS temas_bits,
       e.fecha_publicacion, e.titulo, e.tipo_nota, e.numero_nota,
       orgs.organizacion_ids,
       coalesce(tms.temas, '') AS temas,
       coalesce(esp.espacios, '') AS espacios,
       e.url, e.archivo
FROM eventos AS e
LEFT JOIN (
    SELECT tb.evento_id, bit_or(CAST(1 AS UBIGINT) << b.bit) AS temas_bits
    FROM evento_tema AS tb
    JOIN bit_tema AS b ON b.tema = tb.tema
    WHERE b.bit IS NOT NULL
    GROUP BY tb.evento_id
) AS bits USING (evento_id)
LEFT JOIN (
    SELECT eo.evento_id, list(eo.organizacion_id ORDER BY eo.organizacion_id) AS organizacion_ids
    FROM evento_organizacion AS eo
    GROUP BY eo.evento_id
) AS orgs USING (evento_id)
LEFT JOIN (
    SELECT t.evento_id, string_agg(t.tema, ', ' ORDER BY t.tema) AS temas
    FROM evento_tema AS t
    GROUP BY t.evento_id
) AS tms USING (evento_id)
LEFT JOIN (
    SELECT s.evento_id, string_agg(s.espacio, ', ' ORDER BY s.espacio) AS espacios
    FROM evento_espacio AS s
    GROUP BY s.evento_id
) AS esp USING (evento_id)
ORDER BY e.fecha DESC NULLS LAST, e.evento_id DESC;
