-- raw: bitácora de cada corrida de `python -m datos construir`.
CREATE TABLE IF NOT EXISTS construcciones (
    inicio     TIMESTAMP NOT NULL,
    fin        TIMESTAMP NOT NULL,
    leidas     INTEGER NOT NULL,
    nuevas     INTEGER NOT NULL,
    duplicadas INTEGER NOT NULL,
    rechazadas INTEGER NOT NULL
);
