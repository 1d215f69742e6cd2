#!/bin/sh
# Checks po/POTFILES.in against the sources: every C file under src/ that
# marks a string for translation (_(" N_(" C_(" ngettext) and every .ui
# file under src/ and resources/ with translatable="yes" must be listed,
# and every listed file must exist (xgettext fails on a missing one).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

srcdir=${1:-$(dirname "$0")/..}
cd "$srcdir" || exit 1
potfiles=po/POTFILES.in
status=0
checked=0

listed() {
  grep -v '^[[:space:]]*#' "$potfiles" | grep -qxF "$1"
}

for file in $(find src -name '*.c' | LC_ALL=C sort); do
  if grep -qE '(^|[^A-Za-z0-9_])(N?C?_|g_dngettext|ngettext)[[:space:]]*\(' "$file"; then
    checked=$((checked + 1))
    if ! listed "$file"; then
      echo "not ok: $file has translatable strings but is not in $potfiles"
      status=1
    fi
  fi
done

for file in $(find src resources -name '*.ui' | LC_ALL=C sort); do
  if grep -q 'translatable="yes"' "$file"; then
    checked=$((checked + 1))
    if ! listed "$file"; then
      echo "not ok: $file has translatable strings but is not in $potfiles"
      status=1
    fi
  fi
done

for file in $(grep -v '^[[:space:]]*#' "$potfiles" | grep -v '^[[:space:]]*$'); do
  if [ ! -f "$file" ]; then
    echo "not ok: $potfiles lists $file, which does not exist"
    status=1
  fi
done

if [ "$status" -eq 0 ]; then
  echo "ok: $checked source files with translatable strings, all in $potfiles"
fi
exit $status
