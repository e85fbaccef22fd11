#!/usr/bin/env bash
# Installs what the browser tests need when it is missing: Debian's chromium (driven by Playwright
# through executablePath=/usr/bin/chromium) and Arabic fonts for the screenshots.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -q "Noto Naskh Arabic"; then
  exit 0
fi
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-core >&2
