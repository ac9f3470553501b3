#!/usr/bin/env bash
# Installs Debian's Java runtime for the Nu HTML Checker (tests/test_html_valid.py), once.
set -euo pipefail
if command -v java >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends default-jre-headless >/dev/null 2>&1 \
  || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y --no-install-recommends default-jre-headless >/dev/null; }
java -version
