-- meta: huella del SQL con que se calculó cada mart; si el modelo cambia, el mart se recalcula entero.
CREATE TABLE IF NOT EXISTS marts_estado (
    nombre      VARCHAR PRIMARY KEY,
    huella      VARCHAR NOT NULL,
    actualizado TIMESTAMP NOT NULL DEFAULT current_timestamp
);
