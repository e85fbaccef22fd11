#!/usr/bin/env bash
# `make test`: the whole suite with everything this machine can give it. Where Debian's PostgreSQL server is
# installed and RASID_TEST_PG is not set, a throwaway cluster is started on a free loopback port (PGPORT to
# choose one) and stopped afterwards; the browser tests use /usr/bin/chromium when it is there. The run ends
# with pytest's summary line, then, when a group could not run, one line saying which and what provisions it
# (`make deps`). Arguments go to pytest.
set -uo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-.venv/bin/python}

if [ -z "${RASID_TEST_PG:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export PGPORT=${PGPORT:-$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
  export PGROOT=${PGROOT:-/tmp/rasid-pg-$PGPORT}
  if started=$(bash .ci/postgres.sh start 2>"/tmp/rasid-pg-$PGPORT.log"); then
    eval "$started"
    trap 'bash .ci/postgres.sh stop >/dev/null 2>&1; rm -rf "$PGROOT" "/tmp/rasid-pg-$PGPORT.log"' EXIT
  else
    echo "PostgreSQL did not start (see /tmp/rasid-pg-$PGPORT.log); its tests will not run" >&2
  fi
fi

"$PYTHON" -m pytest "$@"
