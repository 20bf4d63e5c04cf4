-- Nombre, sigla y tipo de cada organización (para etiquetar y desempatar por nombre en coparticipacion.py).
SELECT organizacion_id, nombre, sigla, tipo
FROM organizaciones
