#!/bin/sh
# Re-fetch supercluster, the map's point clustering (servicemap-map.js), from the npm registry.
#
# We publish its UMD build (dist/supercluster.min.js: a classic script that sets
# window.Supercluster, so it runs from file:// and under the pages' CSP) with its licence, and
# the licence of kdbush, the spatial index bundled inside it. Run from the repository root after
# changing the versions, then review the diff and commit the files.
set -eu
VERSION="${1:-8.0.1}"
KDBUSH="${2:-4.0.2}"
TARGET="src/servicemap/assets/vendor/supercluster"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "supercluster@$VERSION" "kdbush@$KDBUSH" >/dev/null \
  && mkdir sc kd && tar xzf "supercluster-$VERSION.tgz" -C sc && tar xzf "kdbush-$KDBUSH.tgz" -C kd)
mkdir -p "$TARGET"
cp "$WORK/sc/package/dist/supercluster.min.js" "$TARGET/supercluster.min.js"
cp "$WORK/sc/package/LICENSE" "$TARGET/LICENSE"
cp "$WORK/kd/package/LICENSE" "$TARGET/LICENSE.kdbush"
echo "supercluster $VERSION (kdbush $KDBUSH bundled) -> $TARGET (supercluster.min.js, LICENSE, LICENSE.kdbush)"
