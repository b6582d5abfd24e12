#!/usr/bin/env bash
# The browser tests (test/browser/) drive Debian's Chromium through playwright-core. `npm test` runs this first:
# it installs the `chromium` package with apt-get when it is missing (machines and CI run as root), and does
# nothing when it is there. Without root or apt-get (a developer's laptop) it says so and the browser tests skip;
# where it can install but the install fails, it fails, so a green CI never hides browser tests that did not run.
set -uo pipefail

if command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  exit 0
fi
log="${TMPDIR:-/tmp}/portos-ensure-chromium.log"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: chromium is missing and cannot be installed here (needs root and apt-get); the browser tests will be skipped." >&2
  exit 0
fi
echo "ensure-chromium: installing Debian's chromium for the browser tests (apt-get, once)..." >&2
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq >"$log" 2>&1 && apt-get install -y -qq chromium >>"$log" 2>&1; then
  echo "ensure-chromium: $(chromium --version 2>/dev/null | head -n 1)" >&2
else
  echo "ensure-chromium: apt-get could not install chromium:" >&2
  tail -n 20 "$log" >&2
  exit 1
fi
exit 0
