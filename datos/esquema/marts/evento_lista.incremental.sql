-- incremental: agrega al final los eventos nuevos (suelen ser los más recientes; la lista ordena igual).
INSERT INTO evento_lista
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
      AND tb.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
    GROUP BY tb.evento_id
) AS bits USING (evento_id)
LEFT JOIN (
    SELECT eo.evento_id, list(eo.organizacion_id ORDER BY eo.organizacion_id) AS organizacion_ids
    FROM evento_organizacion AS eo
    WHERE eo.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
    GROUP BY eo.evento_id
) AS orgs USING (evento_id)
LEFT JOIN (
    SELECT t.evento_id, string_agg(t.tema, ', ' ORDER BY t.tema) AS temas
    FROM evento_tema AS t
    WHERE t.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
    GROUP BY t.evento_id
) AS tms USING (evento_id)
LEFT JOIN (
    SELECT s.evento_id, string_agg(s.espacio, ', ' ORDER BY s.espacio) AS espacios
    FROM evento_espacio AS s
    WHERE s.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
    GROUP BY s.evento_id
) AS esp USING (evento_id)
WHERE e.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
ORDER BY e.fecha DESC NULLS LAST, e.evento_id DESC;
