#!/bin/sh
# Re-fetch the iframe-worker shim that Material's search needs on file:// (the offline copy).
#
# Material's offline plugin would load it from unpkg.com; we publish a copy taken from the npm
# registry instead, so the offline copy makes no request to any host. Run from the repository
# root after changing VERSION, then review the diff and commit both files.
set -eu
VERSION="${1:-1.0.4}"
TARGET="src/servicemap/assets/vendor/iframe-worker"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "iframe-worker@$VERSION" >/dev/null && tar xzf "iframe-worker-$VERSION.tgz")
mkdir -p "$TARGET/shim"
cp "$WORK/package/shim/index.js" "$TARGET/shim/index.js"
cp "$WORK/package/LICENSE" "$TARGET/LICENSE"
echo "iframe-worker $VERSION -> $TARGET (shim/index.js, LICENSE)"
