#!/usr/bin/env bash
# Installs (when needed), builds and starts the Deal API on the embedded store in ./data,
# loading the demo data set on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || ! npm ls --depth=0 >/dev/null 2>&1; then
  source scripts/install.sh
fi
npm run build --silent
export DEMO_DATA="${DEMO_DATA:-true}" DATA_DIR="${DATA_DIR:-./data}"
exec node dist/apps/deal-api/main.js
