#!/bin/bash
# test-reports.sh: the sample company's monthly pipeline review as a PDF
# through the CLI, read back with poppler-utils; then every report kind
# the CLI writes with --out, the QBR and EBR landscape, and their usage
# errors.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

cli="$1"
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

# A4 unless the locale says Letter.
LC_ALL=C.UTF-8 "$cli" report pipeline-review --database "$dir/sample.db" --month 2026-10 \
  --today 2026-11-22 --out "$dir/review.pdf" || { echo "FAIL: report"; exit 1; }
info=$(pdfinfo "$dir/review.pdf")
text=$(pdftotext -layout "$dir/review.pdf" -)
check "three pages" '[[ "$info" =~ Pages:\ +3 ]]'
check "A4 paper" '[[ "$info" =~ "595.276 x 841.89" ]]'
check "PDF title" '[[ "$info" =~ "Monthly Pipeline Review — October 2026" ]]'
for word in "Monthly Pipeline Review" "Northwind Rails" "Coverage" "Weighted pipeline" \
            "Quarterly target" "Avg lead-to-close" "Top win reasons" "Top loss reasons" \
            "Stage Conversion" "Open Deals by Stage" "Page 1 of 3" "Page 3 of 3" \
            "Lead" "Qualified" "Discovery" "Proposal" "Negotiation" "Closed Won"; do
  check "contains $word" '[[ "$text" == *"$word"* ]]'
done

LC_ALL= LC_PAPER= LANG=en_US.UTF-8 "$cli" report pipeline-review --database "$dir/sample.db" \
  --month 2026-10 --today 2026-11-22 --out "$dir/letter.pdf" || { echo "FAIL: letter report"; exit 1; }
check "Letter paper for en_US" '[[ "$(pdfinfo "$dir/letter.pdf")" =~ "612 x 792" ]]'

# Every kind with --out.
"$cli" report qbr --database "$dir/sample.db" --client "Brightwell Money" --quarter 2026Q3 \
  --today 2026-11-22 --out "$dir/qbr.pdf" || { echo "FAIL: qbr"; exit 1; }
info=$(pdfinfo "$dir/qbr.pdf")
check "QBR: seven pages" '[[ "$info" =~ Pages:\ +7 ]]'
check "QBR: landscape A4" '[[ "$info" =~ "841.89 x 595.276" ]]'
check "QBR: title" '[[ "$info" =~ "Quarterly Business Review: Brightwell Money, Q3 2026" ]]'
"$cli" report ebr --database "$dir/sample.db" --client "brightwell money" --year 2026 \
  --today 2026-11-22 --out "$dir/ebr.pdf" || { echo "FAIL: ebr"; exit 1; }
check "EBR: five pages" '[[ "$(pdfinfo "$dir/ebr.pdf")" =~ Pages:\ +5 ]]'
"$cli" report call-prep --database "$dir/sample.db" --deal "Lodestar" --today 2026-11-22 \
  --out "$dir/prep.pdf" || { echo "FAIL: call-prep"; exit 1; }
check "call prep: one page" '[[ "$(pdfinfo "$dir/prep.pdf")" =~ Pages:\ +1 ]]'
"$cli" report cs-dashboard --database "$dir/sample.db" --today 2026-11-22 --out "$dir/cs.pdf" \
  || { echo "FAIL: cs-dashboard"; exit 1; }
check "CS dashboard written" '[[ -s "$dir/cs.pdf" ]]'
"$cli" report qbr --database "$dir/sample.db" --client "Brightwell Money" --quarter 2026Q5 --out "$dir/x.pdf" 2>/dev/null
check "bad quarter is a usage error" '[[ $? -eq 2 ]]'
"$cli" report qbr --database "$dir/sample.db" --client "Brightwell Money" --year 2026 --out "$dir/x.pdf" 2>/dev/null
check "qbr with --year is a usage error" '[[ $? -eq 2 ]]'
"$cli" report qbr --database "$dir/sample.db" --quarter 2026Q3 --out "$dir/x.pdf" 2>/dev/null
check "qbr without --client is a usage error" '[[ $? -eq 2 ]]'
"$cli" report qbr --database "$dir/sample.db" --client "Nobody" --quarter 2026Q3 --out "$dir/x.pdf" 2>/dev/null
check "unknown client fails" '[[ $? -eq 1 ]]'
msg=$("$cli" report qbr --database "$dir/sample.db" --client "Brightwell Money" --quarter 2027Q2 \
  --today 2026-11-22 --out "$dir/x.pdf" 2>&1)
check "a quarter not begun says so" '[[ $? -eq 1 && "$msg" == *"has not started yet"* ]]'
check "no PDF for failures" '[[ ! -e "$dir/x.pdf" ]]'

# Usage errors and a file that cannot be written.
"$cli" report pipeline-review --database "$dir/sample.db" --month 2026-13 --out "$dir/x.pdf" 2>/dev/null
check "bad month is a usage error" '[[ $? -eq 2 ]]'
"$cli" report nonsense --database "$dir/sample.db" --out "$dir/x.pdf" 2>/dev/null
check "unknown report is a usage error" '[[ $? -eq 2 ]]'
"$cli" report pipeline-review --database "$dir/sample.db" --month 2026-10 --out "$dir/none/x.pdf" 2>/dev/null
check "unwritable folder fails" '[[ $? -eq 1 ]]'
check "no temporary file left" '[[ -z "$(ls "$dir" | grep -v -e sample.db -e '\''\.pdf$'\'')" ]]'

exit $fail
