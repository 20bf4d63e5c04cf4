-- staging: quién participó en cada evento, con la oración que lo dice.
CREATE TABLE IF NOT EXISTS evento_organizacion (
    evento_id       BIGINT NOT NULL,
    organizacion_id INTEGER NOT NULL,
    mencion         VARCHAR,
    evidencia       VARCHAR
);
