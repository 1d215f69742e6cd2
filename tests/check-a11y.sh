#!/bin/bash
# Starts Traction on the sample company with the accessibility bus on and
# runs check-a11y.py against it. Needs a display (xvfb-run -a) and
# dbus-run-session (and xdotool to show each view); reports a skip (77)
# without them.
# Usage: check-a11y.sh TRACTION TRACTION-CLI CHECK-A11Y.PY
set -u
app=$1 cli=$2 walker=$3

if [ -z "${DISPLAY:-}" ] || ! command -v dbus-run-session >/dev/null || ! command -v xdotool >/dev/null ||
   ! /usr/bin/python3 -c 'import gi; gi.require_version("Atspi", "2.0")' 2>/dev/null; then
  echo "no display, dbus-run-session or Atspi: skipped"
  exit 77
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$cli" demo --database "$dir/demo.db" >/dev/null || exit 1

export app dir walker
unset GTK_A11Y
dbus-run-session -- bash -c '
  "$app" --database "$dir/demo.db" &
  pid=$!
  # Views are made when first shown: show each one (Alt+1…9), then walk.
  win=$(xdotool search --sync --onlyvisible --pid $pid | head -n1)
  for n in 1 2 3 4 5 6 7 8 9; do
    xdotool key --window "$win" alt+$n
    sleep 0.3
  done
  # The business review form too, with a goal row in it.
  xdotool key --window "$win" alt+3
  sleep 0.5
  xdotool key --window "$win" ctrl+r
  sleep 1
  xdotool key alt+a
  sleep 0.3
  /usr/bin/python3 "$walker" traction
  status=$?
  kill $pid 2>/dev/null
  wait $pid 2>/dev/null
  exit $status
' 2> >(grep -v -e "fd limit" -e "Activating service" -e "Successfully activated" -e "SpiRegistry" >&2)
