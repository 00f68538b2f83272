#!/usr/bin/env bash
# Sets everything up, then runs the linters and the whole test suite headless.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test  # the demo's packages, PostgreSQL, Chromium; hallq[dev,postgres]
export QT_QPA_PLATFORM=offscreen
# The PostgreSQL tests run against Debian's cluster when it is installed (setup installs it).
if [ -z "${HALLQ_TEST_PG_URL:-}" ] && [ "$(id -u)" = 0 ]; then
  HALLQ_TEST_PG_URL=$(bash scripts/start-postgres.sh || true)
  export HALLQ_TEST_PG_URL
fi
.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/lint-imports --no-cache  # the layers (pyproject [tool.importlinter], docs/architecture-layers.md)
.venv/bin/pytest "$@"
