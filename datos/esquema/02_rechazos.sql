-- raw: archivos (o registros) que no se pudieron cargar, con el motivo en español.
CREATE TABLE IF NOT EXISTS rechazos (
    archivo VARCHAR NOT NULL,
    motivo  VARCHAR NOT NULL,
    detalle VARCHAR,
    momento TIMESTAMP NOT NULL DEFAULT current_timestamp
);
