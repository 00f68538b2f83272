#!/usr/bin/env bash
# Sets up hallq on Debian 12 (run as root, or with sudo rights): system packages and a virtual
# environment in .venv with hallq. `setup.sh demo` installs what the demo needs
# (scripts/debian-packages-demo.txt, hallq alone); `setup.sh test` (the default) also what the
# tests need (scripts/debian-packages-test.txt: PostgreSQL, Chromium; hallq[dev,postgres]).
# Idempotent: a second run only checks (dpkg-query and a stamp file, no network).
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${1:-test}
case "$profile" in
  demo) lists=(scripts/debian-packages-demo.txt); extras="" ;;
  test) lists=(scripts/debian-packages-demo.txt scripts/debian-packages-test.txt)
        extras="[dev,postgres]" ;;
  *) echo "usage: scripts/setup.sh [demo|test]" >&2; exit 2 ;;
esac

want=$(cat "${lists[@]}" | grep -v '^\s*#' | grep -v '^\s*$')
missing=()
for pkg in $want; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "hallq setup ($profile): installing Debian packages: ${missing[*]}"
  if [ -n "${HALLQ_SETUP_DRY_RUN:-}" ]; then exit 0; fi
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ -n "${HALLQ_SETUP_DRY_RUN:-}" ]; then echo "hallq setup ($profile): packages present"; exit 0; fi

PY=${HALLQ_PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "hallq setup: creating .venv with $($PY --version)"
  $PY -m venv .venv
fi
# the stamp names what was installed for which pyproject.toml; a test set-up serves the demo too
sha=$(sha256sum pyproject.toml | cut -d' ' -f1)
done_for=$(cat .venv/.setup-stamp 2>/dev/null || true)
if [ "$done_for" != "$sha test" ] && [ "$done_for" != "$sha $profile" ]; then
  echo "hallq setup ($profile): installing hallq$extras and its dependencies into .venv"
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e ".$extras"
  echo "$sha $profile" > .venv/.setup-stamp
fi
echo "hallq setup ($profile): ready (.venv/bin/hallq)"
