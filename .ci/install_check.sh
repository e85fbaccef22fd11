#!/usr/bin/env bash
# A new user's install: build the wheel, install it into a fresh `python3 -m venv` with the pip that venv
# brings (never upgraded), and run Rasid from it: `rasid --version`, `rasid analyze` on a bundled sample
# (which must find events) and `python -c "import rasid"`. Usage: bash .ci/install_check.sh [python3]
# PIP=22.0.4 bash .ci/install_check.sh puts that pip in the venv first, to try an older one.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${1:-python3}
ROOT=$PWD
WORK=$(mktemp -d /tmp/rasid-install.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

"$PY" -m venv "$WORK/venv"
[ -z "${PIP:-}" ] || "$WORK/venv/bin/python" -m pip install -q "pip==$PIP"
echo "install check: $("$WORK/venv/bin/pip" --version)"
"$WORK/venv/bin/pip" wheel -q --no-deps --wheel-dir "$WORK/dist" . > "$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log" >&2; exit 1; }
"$WORK/venv/bin/pip" install -q "$WORK"/dist/rasid-*.whl

cd "$WORK"   # away from the checkout: only the installed package can be imported
"$WORK/venv/bin/rasid" --version
"$WORK/venv/bin/python" -c "import rasid; print('import rasid:', rasid.__file__)"
"$WORK/venv/bin/rasid" analyze "$ROOT/samples/riyadh-talks.txt" --format json > "$WORK/out.json"
"$WORK/venv/bin/python" - "$WORK/out.json" <<'EOF'
import json, sys
record = json.load(open(sys.argv[1], encoding="utf-8"))
assert not record.get("error") and record["events"], record
print(f"rasid analyze: {len(record['entities'])} entities, {len(record['events'])} events")
EOF
echo "install check: passed"
