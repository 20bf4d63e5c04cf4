-- staging: temas (multi-etiqueta) de cada evento, con la oración que los sustenta.
CREATE TABLE IF NOT EXISTS evento_tema (
    evento_id BIGINT NOT NULL,
    tema      VARCHAR NOT NULL,
    evidencia VARCHAR
);
