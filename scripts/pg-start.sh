#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for Faultline's tests and benchmarks: installs
# postgresql from Debian when missing, initialises a cluster in a temporary directory, starts it
# on 127.0.0.1 only, creates a database and prints the URL to use as FAULTLINE_TEST_PG.
# Usage: export FAULTLINE_TEST_PG="$(scripts/pg-start.sh)"   (.ci/run does this)
#        scripts/pg-start.sh --stop                          (stops the server this script started)
# Messages go to stderr; stdout carries only the URL.
# Env: FAULTLINE_PG_PORT (default 54329), FAULTLINE_PG_DIR (default /tmp/faultline-pg).
set -euo pipefail

PORT="${FAULTLINE_PG_PORT:-54329}"
DIR="${FAULTLINE_PG_DIR:-/tmp/faultline-pg}"
DB=faultline_test
log() { echo "pg-start: $*" >&2; }

find_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

BIN=$(find_bin || true)
if [ -z "${BIN:-}" ]; then
  log "installing postgresql from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN=$(find_bin)
fi

# the server refuses to run as root: run it as the postgres user when we are root
RUNAS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$DIR" postgres
  RUNAS=(runuser -u postgres --)
fi

if [ "${1:-}" = "--stop" ]; then
  [ -f "$DIR/data/postmaster.pid" ] && "${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >&2
  exit 0
fi

mkdir -p "$DIR"
[ "${#RUNAS[@]}" -gt 0 ] && chown postgres "$DIR"
if [ ! -f "$DIR/data/PG_VERSION" ]; then
  log "initialising a cluster in $DIR/data"
  "${RUNAS[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi

if ! "$BIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q; then
  log "starting on 127.0.0.1:$PORT"
  "${RUNAS[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
fi

if ! "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
  "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi

echo "postgres://postgres@127.0.0.1:$PORT/$DB"
