#!/bin/bash
# test-partner-report.sh: the sample company's late design partner's
# one-page status as a PDF through the CLI, read back with poppler-utils.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

cli="$1"
# fontconfig keeps its font set for the life of the process (tests/lsan.supp).
export LSAN_OPTIONS="suppressions=$(dirname "$0")/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
  echo "pdftotext/pdfinfo (poppler-utils) missing; skipping"
  exit 77
fi

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
check () {
  if ! eval "$2"; then
    echo "FAIL: $1"
    fail=1
  fi
}

"$cli" demo --database "$dir/sample.db" --today 2026-11-22 >/dev/null || { echo "FAIL: demo"; exit 1; }
"$cli" report partner-status --database "$dir/sample.db" --partner "Pennant Pay" \
  --today 2026-11-22 --out "$dir/pennant.pdf" || { echo "FAIL: report"; exit 1; }
info=$(pdfinfo "$dir/pennant.pdf")
text=$(pdftotext -layout "$dir/pennant.pdf" -)
check "one page" '[[ "$info" =~ Pages:\ +1[[:space:]] ]]'
check "PDF title" '[[ "$info" =~ "Design Partner Status: Pennant Pay" ]]'
for word in "Pennant Pay" "Milestones" "Late" "Success Metrics" "Open Obligations" "Open Feedback" \
            "Today · day 80" "Northwind Rails" "Page 1 of 1"; do
  check "contains $word" '[[ "$text" == *"$word"* ]]'
done

# The other partners print on one page too; an unknown one is an error.
for partner in "Brightwell Money" "Cobalt Wallet" "Marigold Credit Union"; do
  "$cli" report partner-status --database "$dir/sample.db" --partner "$partner" \
    --today 2026-11-22 --out "$dir/p.pdf" || { echo "FAIL: report $partner"; fail=1; continue; }
  check "$partner on one page" '[[ "$(pdfinfo "$dir/p.pdf")" =~ Pages:\ +1[[:space:]] ]]'
done
if "$cli" report partner-status --database "$dir/sample.db" --partner "Nobody" --out "$dir/x.pdf" 2>/dev/null; then
  echo "FAIL: unknown partner accepted"
  fail=1
fi

exit $fail
