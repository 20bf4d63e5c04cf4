-- staging: organizaciones canónicas (del catálogo o halladas por el patrón "Nombre (SIGLA)").
CREATE TABLE IF NOT EXISTS organizaciones (
    organizacion_id INTEGER PRIMARY KEY,
    nombre          VARCHAR NOT NULL UNIQUE,
    sigla           VARCHAR,
    tipo            VARCHAR,
    en_catalogo     BOOLEAN NOT NULL
);
