-- Nombre, sigla, tipo y si está en el catálogo, de cada organización (para etiquetar y desempatar por nombre en
-- coparticipacion.py).
SELECT organizacion_id, nombre, sigla, tipo, en_catalogo
FROM organizaciones
