#!/bin/bash
# test-cli.sh: traction-cli end to end. Usage: test-cli.sh PATH/TO/traction-cli
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

cli="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
today=2026-06-15
failures=0

fail () {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# run EXPECTED_STATUS ARGS...: runs the CLI, stdout to $tmp/out, stderr to $tmp/err.
run () {
  local expected="$1"
  shift
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  if [ "$status" -ne "$expected" ]; then
    fail "traction-cli $* exited $status, expected $expected; stderr: $(cat "$tmp/err")"
  fi
}

# General
run 0 --help
grep -q '^Usage: traction-cli COMMAND' "$tmp/out" || fail "--help has no usage line"
for command in demo generate metrics export import import-movements import-usage; do
  grep -q "^  $command " "$tmp/out" || fail "--help does not list $command"
done
run 0 --version
grep -qE '^traction-cli [0-9]+\.[0-9]+' "$tmp/out" || fail "--version prints $(cat "$tmp/out")"
run 2
run 2 frobnicate
grep -q '^traction-cli: unknown command “frobnicate”' "$tmp/err" || fail "unknown command message: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && fail "unknown command wrote to stdout"
run 2 metrics
grep -q -- '--database' "$tmp/err" || fail "missing --database not explained"
run 2 metrics --database "$tmp/x.db" --today 2026-02-30
run 2 metrics --database "$tmp/x.db" --from 2026-01-01
run 2 export --database "$tmp/x.db"
run 2 demo --database "$tmp/x.db" --no-such-option
[ -e "$tmp/x.db" ] && fail "usage errors created the database"

# demo, export, import into a new file, export again: identical.
run 0 demo --database "$tmp/a.db" --today "$today"
run 0 export --database "$tmp/a.db" --json --out "$tmp/a.json"
[ -s "$tmp/out" ] && fail "export --out wrote to stdout"
run 0 export --database "$tmp/a.db" --json
cp "$tmp/out" "$tmp/a-stdout.json"
cmp -s "$tmp/a.json" "$tmp/a-stdout.json" || fail "export --out and stdout differ"
grep -q '"format" *: *"traction"' "$tmp/a.json" || fail "export has no format member"
[ "$(tail -c 1 "$tmp/a.json" | od -An -c | tr -d ' ')" = '\n' ] || fail "export does not end with a newline"

run 0 import --database "$tmp/b.db" --json "$tmp/a.json"
run 0 export --database "$tmp/b.db" --json --out "$tmp/b.json"
cmp -s "$tmp/a.json" "$tmp/b.json" || fail "export, import, export is not identical"

# Importing into a database with data is refused and changes nothing.
run 1 import --database "$tmp/b.db" --json "$tmp/a.json"
grep -q '^traction-cli: The database already holds data; import into a new file.$' "$tmp/err" \
  || fail "import into non-empty: $(cat "$tmp/err")"
run 0 export --database "$tmp/b.db" --json --out "$tmp/b2.json"
cmp -s "$tmp/a.json" "$tmp/b2.json" || fail "refused import changed the database"

# A failed import into a new file leaves no file behind.
printf '{"format": "traction", "schema_version": 1, "tables": {"nope": []}}\n' >"$tmp/bad.json"
run 1 import --database "$tmp/c.db" --json "$tmp/bad.json"
grep -q 'nope' "$tmp/err" || fail "unknown table not named: $(cat "$tmp/err")"
[ -e "$tmp/c.db" ] && fail "failed import left $tmp/c.db"
run 1 import --database "$tmp/c.db" --json "$tmp/does-not-exist.json"
[ -e "$tmp/c.db" ] && fail "import of a missing file created the database"

# generate: a small seeded data set survives the round trip too.
run 0 generate --database "$tmp/g.db" --deals 60 --clients 15 --months 6 --seed 3 --today "$today"
run 0 export --database "$tmp/g.db" --json --out "$tmp/g.json"
run 0 import --database "$tmp/g2.db" --json "$tmp/g.json"
run 0 export --database "$tmp/g2.db" --json --out "$tmp/g2.json"
cmp -s "$tmp/g.json" "$tmp/g2.json" || fail "generated data: export, import, export is not identical"
run 1 generate --database "$tmp/g.db" --deals 5 --clients 5 --months 2 --seed 1 --today "$today"
run 2 generate --database "$tmp/g3.db" --deals many

# metrics --json is one JSON object with the documented keys.
run 0 metrics --database "$tmp/a.db" --today "$today" --json
cp "$tmp/out" "$tmp/metrics.json"
if command -v python3 >/dev/null 2>&1; then
  python3 - "$tmp/metrics.json" <<'EOF' || fail "metrics --json: $(cat "$tmp/metrics.json")"
import json, sys
m = json.load(open(sys.argv[1]))
keys = ["from", "to", "pipeline", "weighted_pipeline", "open_pipeline",
        "quarterly_target", "coverage", "start_arr", "expansion", "contraction",
        "churn", "end_arr", "nrr", "grr", "health", "renewals_due_90d", "arr",
        "active_clients"]
missing = [k for k in keys if k not in m]
assert not missing, missing
assert m["from"] <= "2026-06-15" < m["to"], (m["from"], m["to"])
assert set(m["pipeline"]) >= {"lead", "qualified", "discovery", "proposal", "negotiation"}, m["pipeline"]
for stage in m["pipeline"].values():
    assert isinstance(stage["count"], int) and isinstance(stage["arr"], (int, float))
assert set(m["health"]) == {"healthy", "monitor", "at_risk", "critical", "unscored"}, m["health"]
assert set(m["renewals_due_90d"]) == {"count", "arr", "forecast"}
assert m["nrr"] is None or isinstance(m["nrr"], (int, float))
assert m["grr"] is None or m["grr"] <= 100
assert m["arr"] > 0 and m["active_clients"] > 0, (m["arr"], m["active_clients"])
EOF
else
  for key in nrr grr from to pipeline health renewals_due_90d; do
    grep -q "\"$key\":" "$tmp/metrics.json" || fail "metrics --json has no $key"
  done
fi

run 0 metrics --database "$tmp/a.db" --today "$today" --from 2026-01-01 --to 2026-04-01 --json
grep -q '"from": "2026-01-01"' "$tmp/out" || fail "metrics --from not used"
grep -q '"to": "2026-04-01"' "$tmp/out" || fail "metrics --to not used"

run 0 metrics --database "$tmp/a.db" --today "$today"
for label in 'Weighted pipeline' 'Quarterly target' 'Coverage' 'NRR' 'GRR' 'Expansion' \
             'Contraction' 'Churn' 'Unscored' 'Renewals due in'; do
  grep -q "$label" "$tmp/out" || fail "metrics table has no “$label” line"
done

# metrics on a new file creates an empty database with no retention data.
run 0 metrics --database "$tmp/new.db" --today "$today" --json
[ -e "$tmp/new.db" ] || fail "metrics did not create the database"
grep -q '"nrr": null' "$tmp/out" || fail "empty database NRR is not null"

# import-movements: a bad row after a quoted multi-line field fails with
# its physical line number and writes nothing.
cp "$tmp/a.db" "$tmp/m.db"
run 0 export --database "$tmp/m.db" --json --out "$tmp/m-before.json"
printf 'client,date,kind,amount\nCLI Client,2026-01-05,new,1200\n"Two\nLines Ltd",2026-01-06,new,50\nCLI Client,2026-01-07,refund,5\n' >"$tmp/bad.csv"
run 1 import-movements --database "$tmp/m.db" "$tmp/bad.csv"
grep -q '^traction-cli: Line 5: ' "$tmp/err" || fail "bad CSV error: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && fail "failed import-movements wrote to stdout"
run 0 export --database "$tmp/m.db" --json --out "$tmp/m-after.json"
cmp -s "$tmp/m-before.json" "$tmp/m-after.json" || fail "failed import-movements changed the database"

printf '\xef\xbb\xbfclient,date,kind,amount\r\nCLI Client,2026-01-05,new,1200\r\nCLI Client,2026-02-05,expansion-upsell,300.50\r\n' >"$tmp/good.csv"
run 0 import-movements --database "$tmp/m.db" "$tmp/good.csv"
grep -q '^Imported 2 ARR movements\.$' "$tmp/out" || fail "good CSV: $(cat "$tmp/out") $(cat "$tmp/err")"
run 2 import-movements --database "$tmp/m.db"

# import-usage: a bad row fails with its line and writes nothing; a good
# file is imported and raises the alerts it triggers.
cp "$tmp/a.db" "$tmp/u.db"
run 0 export --database "$tmp/u.db" --json --out "$tmp/u-before.json"
usage_header='client,month,api_volume,plan_volume,last_api_call,tickets_p1,tickets_p2,tickets_p3,tickets_p4,last_response,nps'
printf '%s\nLumio Bank,2026-11,100,2000,,,,,,,\nLumio Bank,2026-10,-4,2000,,,,,,,\n' "$usage_header" >"$tmp/bad-usage.csv"
run 1 import-usage --database "$tmp/u.db" "$tmp/bad-usage.csv"
grep -q '^traction-cli: Line 3: ' "$tmp/err" || fail "bad usage CSV error: $(cat "$tmp/err")"
run 0 export --database "$tmp/u.db" --json --out "$tmp/u-after.json"
cmp -s "$tmp/u-before.json" "$tmp/u-after.json" || fail "failed import-usage changed the database"
printf '%s\nLumio Bank,2026-11,100,2000,2026-11-02,1,0,0,0,2026-11-01,3\n' "$usage_header" >"$tmp/usage.csv"
run 0 import-usage --database "$tmp/u.db" "$tmp/usage.csv"
grep -q '^Imported 1 month of usage\.$' "$tmp/out" || fail "good usage CSV: $(cat "$tmp/out") $(cat "$tmp/err")"
run 2 import-usage --database "$tmp/u.db"

if [ "$failures" -ne 0 ]; then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all CLI checks passed"
