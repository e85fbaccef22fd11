#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1:$PGPORT and print the URL tests use; needs Debian's
# postgresql server (`make deps`). Usage: eval "$(bash .ci/postgres.sh start)"; bash .ci/postgres.sh stop
# As root the cluster belongs to the postgres user (initdb refuses root); otherwise to whoever runs this.
set -euo pipefail
PGROOT=${PGROOT:-/tmp/rasid-pg}; PGPORT=${PGPORT:-55432}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
  start)
    if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
      echo "no PostgreSQL server in /usr/lib/postgresql/*/bin: run make deps" >&2; exit 1
    fi
    rm -rf "$PGROOT"
    if [ "$(id -u)" = 0 ]; then install -d -o postgres -g postgres -m 700 "$PGROOT"; else install -d -m 700 "$PGROOT"; fi
    as_owner "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2
    as_owner "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w \
      -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
    echo "export RASID_TEST_PG=postgresql://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    [ -n "$PGBIN" ] && as_owner "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast stop >&2 || true
    ;;
esac
