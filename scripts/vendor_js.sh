#!/usr/bin/env bash
# Re-vendor the JavaScript graph library that `kg viz` inlines into explorer.html.
#
# Fetches a pinned version from the npm registry with `npm pack` (no install, no scripts run),
# copies its minified dist file to kg/export/static/ and rewrites kg/export/static/VENDORED.md
# with name, version, licence and sha256. Usage: scripts/vendor_js.sh [VERSION]
set -euo pipefail

NAME=cytoscape
VERSION="${1:-3.34.4}"
DIST=dist/cytoscape.min.js

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/kg/export/static"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cd "$TMP"
TARBALL="$(npm pack --silent "$NAME@$VERSION" 2>/dev/null | tail -n1)"
tar -xzf "$TARBALL"
LICENSE="$(node -p "require('./package/package.json').license")"
GOT="$(node -p "require('./package/package.json').version")"
if [[ "$GOT" != "$VERSION" ]]; then
  echo "npm gave $NAME@$GOT, expected $VERSION" >&2
  exit 1
fi

mkdir -p "$DEST"
cp "package/$DIST" "$DEST/cytoscape.min.js"
cp package/LICENSE "$DEST/cytoscape.LICENSE"
SHA="$(sha256sum "$DEST/cytoscape.min.js" | cut -d' ' -f1)"
TARSHA="$(sha256sum "$TARBALL" | cut -d' ' -f1)"

cat > "$DEST/VENDORED.md" <<MD
# Vendored JavaScript

\`kg viz\` inlines these files into explorer.html so the page opens with no network.
Re-create them with \`scripts/vendor_js.sh $VERSION\`; kg/export/viz.py checks the sha256 below.

| file | package | version | licence | source | sha256 |
|---|---|---|---|---|---|
| cytoscape.min.js | $NAME | $VERSION | $LICENSE | npm \`$NAME@$VERSION\` \`$DIST\` (tarball sha256 \`$TARSHA\`) | \`$SHA\` |
| cytoscape.LICENSE | $NAME | $VERSION | $LICENSE | npm \`$NAME@$VERSION\` \`LICENSE\` | |
MD
echo "vendored $NAME@$VERSION ($LICENSE) -> $DEST/cytoscape.min.js sha256=$SHA"
