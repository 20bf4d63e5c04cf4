-- Archivos que no se pudieron cargar, con el motivo en español.
SELECT archivo, motivo, detalle, momento
FROM rechazos
ORDER BY momento DESC, archivo
