-- staging: espacios de coordinación (mesas, comisiones, redes, conferencias).
CREATE TABLE IF NOT EXISTS evento_espacio (
    evento_id BIGINT NOT NULL,
    espacio   VARCHAR NOT NULL,
    evidencia VARCHAR
);
