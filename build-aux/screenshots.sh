#!/bin/bash
# Takes the README's screenshots from the real app under Xvfb, with the
# sample company, in light and dark style: docs/screenshots/*.png.
set -eu
cd "$(dirname "$0")/.."
builddir=${1:-build}
out=docs/screenshots
today=${TRACTION_TODAY:-2026-11-22}
mkdir -p "$out"
tmp=$(mktemp -d)
display=:$((100 + RANDOM % 100))

Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp &
xvfb_pid=$!
cleanup() { kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT
sleep 1

export DISPLAY=$display GSK_RENDERER=cairo GSETTINGS_BACKEND=memory GTK_A11Y=none
locale=C.UTF-8
locale -a 2>/dev/null | grep -qi "^en_US.utf8$" && locale=en_US.UTF-8
export GSETTINGS_SCHEMA_DIR="$builddir/data" TRACTION_TODAY=$today LC_ALL=$locale LANGUAGE=en

"$builddir/src/cli/traction-cli" demo --database "$tmp/sample.db" --today "$today"

# name:keys — the view's Alt+N shortcut (the order of the sidebar), then
# any keys that open what the picture shows.
views=(today:alt+1 pipeline:alt+2 clients:alt+3 revenue:alt+4 partners:alt+5 providers:alt+6)

shoot() {
  local scheme=$1 suffix=$2
  ADW_DEBUG_COLOR_SCHEME=$scheme "$builddir/src/traction" --database "$tmp/sample.db" &
  local pid=$!
  local win=""
  for _ in $(seq 50); do
    win=$(xdotool search --onlyvisible --pid "$pid" 2>/dev/null | head -n1) && [ -n "$win" ] && break
    sleep 0.2
  done
  sleep 2
  for entry in "${views[@]}"; do
    local name=${entry%%:*} keys=${entry#*:}
    xdotool key --window "$win" $keys
    sleep 1.5
    import -window "$win" "$out/$name$suffix.png"
    echo "wrote $out/$name$suffix.png"
  done
  # The business review form of the client on top of the heatmap.
  xdotool key --window "$win" alt+3
  sleep 1.5
  xdotool key --window "$win" ctrl+r
  sleep 1.5
  local dialog
  dialog=$(xdotool search --onlyvisible --name "Business Review" 2>/dev/null | head -n1)
  if [ -n "$dialog" ]; then
    import -window "$dialog" "$out/review$suffix.png"
    echo "wrote $out/review$suffix.png"
  fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
}

shoot prefer-light ""
shoot prefer-dark "-dark"
