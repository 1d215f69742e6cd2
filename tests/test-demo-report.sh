#!/bin/bash
# test-demo-report.sh: the call prep sheet (PDF through the CLI) carries
# the deal's demo plan: its pains in order, what to show, the proof, the
# total against the meeting and the assets to bring; still one page.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

cli="$1"
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
"$cli" report call-prep --database "$dir/sample.db" --deal "Lodestar" \
  --today 2026-11-22 --out "$dir/lodestar.pdf" || { echo "FAIL: report"; exit 1; }
info=$(pdfinfo "$dir/lodestar.pdf")
text=$(pdftotext "$dir/lodestar.pdf" - | tr '\n' ' ')
check "one page" '[[ "$info" =~ Pages:\ +1[[:space:]] ]]'
for word in "Demo Plan" "1. Their ledger breaks with every new product (12 min)" \
            "2. Reconciliation is manual (10 min)" "3. Savings launch slipped twice (10 min)" \
            "4. The board asks for a date (8 min)" "Reference client: Cobalt Wallet" \
            "Total: 40 of 45 minutes" "Bring:" "Case study: Brightwell Money (Published)" \
            "Stakeholders" "Next Steps"; do
  check "contains $word" '[[ "$text" == *"$word"* ]]'
done
# In showing order.
check "pains in order" '[[ "$text" =~ "1. Their ledger".*"2. Reconciliation".*"3. Savings".*"4. The board" ]]'

# A deal without a plan says what to do, on one page too.
"$cli" report call-prep --database "$dir/sample.db" --deal "Pinecrest" \
  --today 2026-11-22 --out "$dir/pinecrest.pdf" || { echo "FAIL: report without plan"; exit 1; }
info=$(pdfinfo "$dir/pinecrest.pdf")
text=$(pdftotext "$dir/pinecrest.pdf" - | tr '\n' ' ')
check "no plan: one page" '[[ "$info" =~ Pages:\ +1[[:space:]] ]]'
check "no plan: says so" '[[ "$text" == *"No demo plan yet"* ]]'

exit $fail
