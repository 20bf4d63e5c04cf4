#!/usr/bin/env bash
# Instala lo necesario, construye la base si falta y abre el tablero.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/entorno.sh requirements.txt
.venv/bin/python -m datos construir --si-falta
exec .venv/bin/streamlit run app.py "$@"
