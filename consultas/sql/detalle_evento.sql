-- Un evento con todos sus campos y el texto de su nota.
SELECT e.*, n.texto, n.formato, n.sintetica
FROM eventos e
LEFT JOIN notas n ON n.nota_id = e.evento_id
WHERE e.evento_id = ?
