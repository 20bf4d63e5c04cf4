-- staging: un evento por nota, con todos los campos de ANOTACION.md.
CREATE TABLE IF NOT EXISTS eventos (
    evento_id          BIGINT NOT NULL,      -- = notas.nota_id; único (sin índice: ver 01_notas.sql)
    titulo             VARCHAR,
    tipo_nota          VARCHAR,
    numero_nota        VARCHAR,
    fecha_publicacion  DATE,
    fecha_evento       DATE,
    fecha              DATE,                 -- coalesce(fecha_evento, fecha_publicacion)
    anio               SMALLINT,
    mes                DATE,                 -- primer día del mes de `fecha`
    oficina            VARCHAR,
    tipo_oficina       VARCHAR,
    pais               VARCHAR,
    region             VARCHAR,
    tipo_evento        VARCHAR,
    url                VARCHAR,
    archivo            VARCHAR,
    evidencia_fecha_publicacion VARCHAR,
    evidencia_fecha_evento      VARCHAR,
    evidencia_oficina           VARCHAR,
    evidencia_region            VARCHAR,
    evidencia_tipo_evento       VARCHAR
);
