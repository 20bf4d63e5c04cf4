-- raw: una fila por nota única; el hash del contenido normalizado hace idempotente la carga.
CREATE TABLE IF NOT EXISTS notas (
    nota_id        BIGINT PRIMARY KEY,
    hash_contenido VARCHAR NOT NULL UNIQUE,
    archivo        VARCHAR NOT NULL,
    url            VARCHAR,
    titulo         VARCHAR,
    texto          VARCHAR NOT NULL,          -- texto limpio: las evidencias salen de aquí
    formato        VARCHAR NOT NULL,          -- txt, html, jsonl, csv
    sintetica      BOOLEAN NOT NULL DEFAULT FALSE,
    cargada_en     TIMESTAMP NOT NULL DEFAULT current_timestamp
);
