-- Ficha de una organización (como perfil_organizacion.sql) desde la tabla temporal _eventos_organizacion.
SELECT o.nombre, o.sigla, o.tipo, o.en_catalogo,
       (SELECT count(*) FROM _eventos_organizacion) AS eventos,
       (SELECT min(fecha) FROM _eventos_organizacion) AS primera_fecha,
       (SELECT max(fecha) FROM _eventos_organizacion) AS ultima_fecha
FROM organizaciones o
WHERE o.nombre = ?
