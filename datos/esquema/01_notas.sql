-- raw: una fila por nota única; el hash del contenido normalizado hace idempotente la carga.
-- Sin PRIMARY KEY ni UNIQUE a propósito: con 1 M de notas los índices ART costaban ~5 s por cada
-- 1 000 notas agregadas (inserción + CHECKPOINT). La unicidad la garantiza la construcción:
-- huella consultada antes de extraer, ids correlativos (max + 1) y un solo escritor (candado).
CREATE TABLE IF NOT EXISTS notas (
    nota_id        BIGINT NOT NULL,        -- único (ver arriba)
    hash_contenido VARCHAR NOT NULL,        -- único (ver arriba)
    archivo        VARCHAR NOT NULL,
    url            VARCHAR,
    titulo         VARCHAR,
    texto          VARCHAR NOT NULL,          -- texto limpio: las evidencias salen de aquí
    formato        VARCHAR NOT NULL,          -- txt, html, jsonl, csv
    sintetica      BOOLEAN NOT NULL DEFAULT FALSE,
    cargada_en     TIMESTAMP NOT NULL DEFAULT current_timestamp
);
