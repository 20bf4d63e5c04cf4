#!/usr/bin/env bash
# Crea .venv e instala dependencias solo si requirements cambiaron (idempotente y rápido).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
REQ="${1:-requirements.txt}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
SELLO=".venv/.instalado-$(cat requirements*.txt | sha1sum | cut -c1-12)-$(basename "$REQ")"
if [ ! -f "$SELLO" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -r "$REQ"
  touch "$SELLO"
fi
