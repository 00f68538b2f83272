#!/usr/bin/env bash
# Sets everything up, then starts the demo hall (server and apps). Without a display it uses Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh demo  # only what the demo needs: no PostgreSQL, no Chromium
exec .venv/bin/hallq demo "$@"
