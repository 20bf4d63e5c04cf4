-- incremental: agrega al final las filas de los eventos nuevos (todas sus participaciones son nuevas, así
-- que su lista `organizaciones` está completa); el orden por organización se conserva salvo en ese final.
INSERT INTO organizacion_evento
SELECT eo.organizacion_id, eo.evento_id,
       e.fecha, e.anio, e.mes, e.region, e.pais, e.oficina, e.tipo_oficina, e.tipo_evento,
       coalesce(bits.temas_bits, CAST(0 AS UBIGINT)) AS temas_bits,
       todas.organizaciones,
       e.titulo, eo.mencion, eo.evidencia
FROM evento_organizacion AS eo
JOIN eventos AS e USING (evento_id)
JOIN (
    SELECT evento_id, list(organizacion_id ORDER BY organizacion_id) AS organizaciones
    FROM evento_organizacion
    WHERE evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
    GROUP BY evento_id
) AS todas USING (evento_id)
LEFT JOIN (
    SELECT tb.evento_id, bit_or(CAST(1 AS UBIGINT) << b.bit) AS temas_bits
    FROM evento_tema AS tb
    JOIN bit_tema AS b ON b.tema = tb.tema
    WHERE b.bit IS NOT NULL
      AND tb.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
    GROUP BY tb.evento_id
) AS bits USING (evento_id)
WHERE eo.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
  AND e.evento_id >= (SELECT primer_evento_nuevo FROM _construccion)
ORDER BY eo.organizacion_id, e.fecha DESC NULLS LAST, eo.evento_id DESC;
