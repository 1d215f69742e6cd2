#!/bin/bash
# test-reports.sh: the sample company's monthly pipeline review as a PDF
# through the CLI, read back with poppler-utils.
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

# Usage errors and a file that cannot be written.
"$cli" report pipeline-review --database "$dir/sample.db" --month 2026-13 --out "$dir/x.pdf" 2>/dev/null
check "bad month is a usage error" '[[ $? -eq 2 ]]'
"$cli" report nonsense --database "$dir/sample.db" --out "$dir/x.pdf" 2>/dev/null
check "unknown report is a usage error" '[[ $? -eq 2 ]]'
"$cli" report pipeline-review --database "$dir/sample.db" --month 2026-10 --out "$dir/none/x.pdf" 2>/dev/null
check "unwritable folder fails" '[[ $? -eq 1 ]]'
check "no temporary file left" '[[ -z "$(ls "$dir" | grep -v -e sample.db -e review.pdf -e letter.pdf)" ]]'

exit $fail
