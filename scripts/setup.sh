#!/usr/bin/env bash
# Sets up hallq on Debian 12 (run as root, or with sudo rights): system packages, a virtual
# environment in .venv with hallq and its test tools. Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

want=$(grep -v '^\s*#' scripts/debian-packages.txt | grep -v '^\s*$')
missing=()
for pkg in $want; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "hallq setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PY=${HALLQ_PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "hallq setup: creating .venv with $($PY --version)"
  $PY -m venv .venv
fi
stamp=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat .venv/.setup-stamp 2>/dev/null)" != "$stamp" ]; then
  echo "hallq setup: installing hallq and its dependencies into .venv"
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -e '.[dev,postgres]'
  echo "$stamp" > .venv/.setup-stamp
fi
echo "hallq setup: ready (.venv/bin/hallq)"
