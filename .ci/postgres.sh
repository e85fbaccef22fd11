#!/usr/bin/env bash
# Start a throwaway PostgreSQL cluster on 127.0.0.1:$PGPORT (installs Debian's postgresql if needed)
# and print the URL tests use. Usage: eval "$(bash .ci/postgres.sh start)"; bash .ci/postgres.sh stop
set -euo pipefail
PGROOT=${PGROOT:-/tmp/rasid-pg}; PGPORT=${PGPORT:-55432}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
case "${1:-start}" in
  start)
    if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
      PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    rm -rf "$PGROOT"; install -d -o postgres -g postgres -m 700 "$PGROOT"
    runuser -u postgres -- "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w \
      -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
    echo "export RASID_TEST_PG=postgresql://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    [ -n "$PGBIN" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast stop >&2 || true
    ;;
esac
