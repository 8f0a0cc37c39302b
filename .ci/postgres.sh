#!/usr/bin/env bash
# Starts (up) or stops (down) a throw-away PostgreSQL server on 127.0.0.1:5433 for the tests that
# prove cvh on its production database. Its data is recreated on every `up`.
set -euo pipefail
cd "$(dirname "$0")/.."
# outside the checkout: the postgres user must be able to reach it whatever the clone's parents allow
PGROOT="${CVH_TEST_PG_DIR:-/tmp/cvh-test-pg-$(id -u)}"
PORT="${CVH_TEST_PG_PORT:-5433}"
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)

case "${1:-up}" in
  up)
    if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
        BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
      else
        echo "postgres.sh: PostgreSQL server binaries not found (install the 'postgresql' package)" >&2
        exit 1
      fi
    fi
    "$0" down >/dev/null 2>&1 || true
    rm -rf "$PGROOT"
    mkdir -p "$PGROOT/data" "$PGROOT/run"
    RUNAS=()
    if [ "$(id -u)" = 0 ]; then
      chown -R postgres:postgres "$PGROOT"
      RUNAS=(su postgres -s /bin/bash -c)
    else
      RUNAS=(bash -c)
    fi
    "${RUNAS[@]}" "'$BIN/initdb' -D '$PGROOT/data' -U postgres --auth=trust -E UTF8 >'$PGROOT/initdb.log' 2>&1"
    "${RUNAS[@]}" "'$BIN/pg_ctl' -D '$PGROOT/data' -o \"-p $PORT -k '$PGROOT/run' -c listen_addresses=127.0.0.1\" -l '$PGROOT/run/pg.log' -w start" >/dev/null
    echo "postgres.sh: PostgreSQL up on 127.0.0.1:$PORT (data in $PGROOT)"
    ;;
  down)
    if [ -n "$BIN" ] && [ -f "$PGROOT/data/postmaster.pid" ]; then
      if [ "$(id -u)" = 0 ]; then
        su postgres -s /bin/bash -c "'$BIN/pg_ctl' -D '$PGROOT/data' -m fast -w stop" >/dev/null || true
      else
        "$BIN/pg_ctl" -D "$PGROOT/data" -m fast -w stop >/dev/null || true
      fi
      echo "postgres.sh: PostgreSQL stopped"
    fi
    ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
