#!/usr/bin/env bash
# `make deps`: what the test groups beyond Python need, from Debian, when missing: the PostgreSQL server
# (make test starts a throwaway cluster of it), chromium (driven by Playwright through
# executablePath=/usr/bin/chromium) and Arabic fonts for the screenshots.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium chromium-driver)
fc-list 2>/dev/null | grep -q "Noto Naskh Arabic" || need+=(fonts-noto-core)
if [ ${#need[@]} -eq 0 ]; then
  echo "make deps: postgresql, chromium and fonts-noto-core are installed"
  exit 0
fi
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
echo "make deps: installing ${need[*]}"
$sudo apt-get update -qq >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >&2
