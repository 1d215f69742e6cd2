#!/bin/bash
# Makes the business-review pages shown in the README: the sample
# company's QBR of Brightwell Money for the last whole quarter and its
# annual review, through traction-cli, each page converted to PNG in
# docs/qbr/. The sample company gets the app's icon as its logo first, so
# the pages show where a logo goes.
set -eu
cd "$(dirname "$0")/.."
builddir=${1:-build}
out=docs/qbr
today=${TRACTION_TODAY:-2026-11-22}
cli="$builddir/src/cli/traction-cli"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
locale=C.UTF-8
locale -a 2>/dev/null | grep -qi "^en_US.utf8$" && locale=en_US.UTF-8
export LC_ALL=$locale LANGUAGE=en TZ=UTC

"$cli" demo --database "$tmp/sample.db" --today "$today" >/dev/null
logo=$(base64 -w0 data/icons/hicolor/128x128/apps/io.github.tractionapp.Traction.png)
sqlite3 "$tmp/sample.db" "INSERT OR REPLACE INTO settings (key, value) VALUES ('company_logo_png', '$logo')"
"$cli" report qbr --database "$tmp/sample.db" --client "Brightwell Money" --quarter 2026Q3 \
  --today "$today" --out "$tmp/qbr.pdf"
"$cli" report ebr --database "$tmp/sample.db" --client "Brightwell Money" --year 2026 \
  --today "$today" --out "$tmp/ebr.pdf"

mkdir -p "$out"
rm -f "$out"/*.png
pdftoppm -png -r 50 "$tmp/qbr.pdf" "$out/qbr"
pdftoppm -png -r 50 "$tmp/ebr.pdf" "$out/ebr"
ls "$out"
