#!/usr/bin/env bash
# Sets everything up, then runs the linters and the tests headless (docs/testing.md).
#   bash scripts/test.sh                  the whole suite: what CI runs
#   bash scripts/test.sh --quick          the quick loop: the same linters, the tests not marked slow
#   bash scripts/test.sh [--quick] ARGS   ARGS go to pytest: a part (tests/server/api), -k NAME, -x
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
case "${1:-}" in
  --quick) quick=1; shift ;;
  --help | -h) sed -n '2,5p' "$0" | cut -c3-; exit 0 ;;
esac
bash scripts/setup.sh test  # the demo's packages, PostgreSQL, Chromium; hallq[dev,postgres]
export QT_QPA_PLATFORM=offscreen
# The PostgreSQL tests run against Debian's cluster when it is installed (setup installs it).
if [ -z "${HALLQ_TEST_PG_URL:-}" ] && [ "$(id -u)" = 0 ]; then
  HALLQ_TEST_PG_URL=$(bash scripts/start-postgres.sh || true)
  export HALLQ_TEST_PG_URL
fi
.venv/bin/ruff check .
.venv/bin/mypy  # src/hallq, bench and tests, strict
.venv/bin/lint-imports --no-cache  # the layers (pyproject [tool.importlinter], docs/architecture-layers.md)
if ((quick)); then
  # a part whose tests are all slow selects none (pytest's exit 5): nothing failed
  .venv/bin/pytest -m "not slow" "$@" || { rc=$?; ((rc == 5)) || exit $rc; }
else
  .venv/bin/pytest "$@"
fi
