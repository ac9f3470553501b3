#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests, once. Browser downloads by test tools do not
# work on our machines, so the tests drive the system browser at /usr/bin/chromium.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null 2>&1 \
  || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends chromium chromium-driver >/dev/null; }
command -v chromium
