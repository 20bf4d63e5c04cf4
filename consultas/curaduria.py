"""Lo que la página Curaduría lista: organizaciones halladas fuera del catálogo, con sus oraciones.

Sin filtros: la curaduría trabaja sobre toda la base. Las ignoradas llegan como parámetro (las guarda
`datos/curaduria` en el catálogo) y se excluyen en SQL.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from consultas.ejecucion import tabla


def fuera_de_catalogo(ignoradas: Sequence[str] = ()) -> pd.DataFrame:
    """organizacion, sigla, tipo, notas, oraciones (lista): de la más nombrada a la menos."""
    return tabla("curaduria_fuera_de_catalogo", None, [list(ignoradas)])
