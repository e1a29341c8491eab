#!/usr/bin/env bash
# The dashboard's browser test drives Debian's Chromium through playwright-core (Playwright's own
# browser download cannot reach its host from here). Installs it when missing; quiet and idempotent.
# A failed install only warns: the browser test then fails and says why, the other tests still run.
set -uo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and this user cannot apt-get install chromium; the browser test will fail" >&2
  exit 0
fi
echo "ensure-chromium: installing Debian's chromium for the browser test…"
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq chromium; } >/tmp/ensure-chromium.log 2>&1; then
  echo "ensure-chromium: apt-get install chromium failed (log: /tmp/ensure-chromium.log); the browser test will fail" >&2
  tail -5 /tmp/ensure-chromium.log >&2
fi
exit 0
