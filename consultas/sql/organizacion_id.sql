-- Id de una organización por su nombre (las consultas de su página lo reciben como valor enlazado: así el
-- filtro llega a la lectura de las tablas grandes en vez de quedar en una unión).
SELECT organizacion_id FROM organizaciones WHERE nombre = ?
