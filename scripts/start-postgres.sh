#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster (if installed) with a role and database for hallq's tests,
# and prints the SQLAlchemy URL. Prints nothing when PostgreSQL is not installed.
set -euo pipefail
command -v pg_lsclusters >/dev/null || exit 0
cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
[ -n "$cluster" ] || exit 0
# shellcheck disable=SC2086
pg_ctlcluster $cluster start >/dev/null 2>&1 || true
port=$(pg_lsclusters -h | awk 'NR==1 {print $3}')
psql_() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -tAq "$@"; }
for _ in $(seq 50); do psql_ -c "select 1" >/dev/null 2>&1 && break; sleep 0.2; done
if [ "$(psql_ -c "select 1 from pg_roles where rolname='hallq'")" != "1" ]; then
  psql_ -c "create role hallq login password 'hallq'"
fi
if [ "$(psql_ -c "select 1 from pg_database where datname='hallq_test'")" != "1" ]; then
  psql_ -c "create database hallq_test owner hallq"
fi
echo "postgresql+psycopg://hallq:hallq@127.0.0.1:${port}/hallq_test"
