-- La fecha de cada evento con fecha: coparticipacion.py la guarda junto a la incidencia (una vez por versión de
-- la base) para contar en numpy las organizaciones nuevas de Novedades cuando hay filtro de organización.
SELECT evento_id, fecha
FROM hechos_evento
WHERE fecha IS NOT NULL
