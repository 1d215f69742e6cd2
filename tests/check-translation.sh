#!/bin/bash
# check-translation.sh: every language of po/LINGUAS is complete (no
# untranslated or fuzzy message, msgfmt --check passes) and covers every
# message the sources have now (msgcmp against a template made from
# po/POTFILES.in with the same keywords as the build); and the built
# translation reaches traction-cli at run time (LANGUAGE=<lang>).
#
#   check-translation.sh SOURCE_DIR TRACTION_CLI BUILD_PO_DIR
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
src="$1"
cli="$2"
localedir="$3"
for tool in xgettext msgfmt msgcmp; do
  command -v "$tool" >/dev/null || { echo "$tool (gettext) missing; skipping"; exit 77; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

grep -v '^#' "$src/po/POTFILES.in" | grep -v '^$' > "$tmp/files"
(cd "$src" && xgettext --files-from="$tmp/files" --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --package-name=traction -o "$tmp/traction.pot") \
  || { echo "FAIL: xgettext"; exit 1; }

languages=$(grep -v '^#' "$src/po/LINGUAS" | tr -s ' \n' ' ')
if [ -z "${languages// /}" ]; then
  echo "FAIL: no language in po/LINGUAS"
  exit 1
fi

for lang in $languages; do
  po="$src/po/$lang.po"
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "FAIL: $lang: $stats"; fail=1; continue; }
  echo "$lang: $stats"
  case "$stats" in
    *fuzzy*|*untranslated*) echo "FAIL: $lang is not complete"; fail=1 ;;
  esac
  if ! msgcmp --use-untranslated "$po" "$tmp/traction.pot" 2>"$tmp/msgcmp"; then
    echo "FAIL: $lang lacks messages the sources have:"
    head -20 "$tmp/msgcmp"
    fail=1
  fi
  # Every translation keeps the printf placeholders of its message.
  if ! msgfmt --check-format -o /dev/null "$po"; then
    echo "FAIL: $lang: placeholders differ"
    fail=1
  fi
done

# At run time: the CLI's list of commands in German.
if [[ " $languages " == *" de "* ]]; then
  if [ ! -f "$localedir/de/LC_MESSAGES/traction.mo" ]; then
    echo "FAIL: $localedir/de/LC_MESSAGES/traction.mo was not built"
    fail=1
  else
    locale=C.UTF-8
    locale -a 2>/dev/null | grep -qi '^en_US.utf8$' && locale=en_US.UTF-8
    expected=$(msgattrib --no-fuzzy "$src/po/de.po" 2>/dev/null | python3 -c '
import sys, re
text = sys.stdin.read()
m = re.search(r"msgid \"Import ARR movements from CSV\"\nmsgstr \"(.*)\"", text)
print(m.group(1) if m else "")')
    out=$(LANGUAGE=de LC_ALL=$locale TRACTION_LOCALEDIR="$localedir" "$cli" 2>&1)
    if [ -z "$expected" ] || [[ "$out" != *"$expected"* ]]; then
      echo "FAIL: traction-cli does not speak German with LANGUAGE=de (expected “$expected”):"
      echo "$out" | head -5
      fail=1
    fi
  fi
fi

exit $fail
