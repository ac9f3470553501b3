#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests, once. Browser downloads by test tools do not
# work on our machines, so the tests drive the system browser at /usr/bin/chromium (the path
# tests/browser.py uses: another chromium on PATH, a snap for instance, is not the one tested).
# The browser is not run here: Debian's launcher script prints shell errors of its own on some
# machines (/etc/chromium.d/dev-shm where findmnt reports /dev/shm twice); pytest's report header
# shows the version, from `chromium --version` with that noise dropped.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null 2>&1 \
  || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null; }
if [ ! -x "$CHROMIUM" ]; then
  echo "Chromium non è in $CHROMIUM dopo apt-get install chromium: i test nel browser non possono girare" >&2
  exit 1
fi
echo "$CHROMIUM"
