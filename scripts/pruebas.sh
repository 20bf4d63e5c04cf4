#!/usr/bin/env bash
# Instala lo necesario (incluido Chromium si falta y se puede) y corre toda la suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/entorno.sh requirements-dev.txt
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Instalando Chromium (Debian) para las pruebas de navegador..."
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi
.venv/bin/ruff check .
exec .venv/bin/python -m pytest -q "$@"
