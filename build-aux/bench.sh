#!/bin/bash
# Benchmarks on generated data (20,000 deals, 2,000 clients, 36 months):
# medians over several runs, never timed assertions.
set -eu
cd "$(dirname "$0")/.."
builddir=${1:-build}
cli="$builddir/src/cli/traction-cli"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$cli" "$tmp" <<'PY'
import os, resource, statistics, subprocess, sys, time

cli, tmp = sys.argv[1:]
today = "2026-11-22"
rows = []

def run(args):
    """Runs one command; returns (seconds, peak RSS in MiB)."""
    code = ("import resource, subprocess, sys, time\n"
            "t = time.perf_counter()\n"
            "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
            "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", code] + args, check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1]) / 1024.0

def bench(name, make_args, runs):
    times, mems = [], []
    for i in range(runs):
        t, m = run(make_args(i))
        times.append(t)
        mems.append(m)
    rows.append((name, statistics.median(times) * 1000, max(mems), runs))

def gen_args(i):
    db = os.path.join(tmp, f"gen-{i}.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    return [cli, "generate", "--database", db, "--deals", "20000", "--clients", "2000",
            "--months", "36", "--seed", "1", "--today", today]

bench("generate 20,000 deals, 2,000 clients, 36 months", gen_args, 3)
big = os.path.join(tmp, "gen-0.db")
bench("metrics, current quarter", lambda i: [cli, "metrics", "--database", big, "--today", today, "--json"], 5)
bench("export whole database as JSON", lambda i: [cli, "export", "--database", big, "--json", "--out", os.path.join(tmp, "export.json")], 3)

# CSV import of a 20,000-row HubSpot deals export into a new database.
import_csv = os.path.join(tmp, "import.csv")
with open(import_csv, "w", encoding="utf-8") as f:
    f.write("Deal Name,Deal Stage,Amount,Close Date,Associated Company,Company Domain Name,Email,First Name,Last Name\n")
    for i in range(20000):
        f.write(f'"Deal {i}, phase 2",Contract Sent,{1000 + i},2027-01-15,Co {i // 4},co{i // 4}.example.com,p{i}@co{i // 4}.example.com,Ann,Lee {i}\n')
def import_args(i):
    db = os.path.join(tmp, f"import-{i}.db")
    return [cli, "import-csv", "--database", db, "--today", today, import_csv]
bench("import-csv 20,000 rows (HubSpot deals)", import_args, 5)

print(f"{'benchmark':<50} {'median ms':>10} {'peak MiB':>9} {'runs':>5}")
for name, ms, mib, runs in rows:
    print(f"{name:<50} {ms:>10.1f} {mib:>9.1f} {runs:>5}")
PY

# Revenue: the NRR/GRR series (12 trailing-twelve-month windows) and the
# ARR bridge for 2,000 clients, 100,000 movements, 36 months, against one
# equivalent aggregate query in the sqlite3 shell on the same file.
python3 - "$cli" "$builddir/tests/bench-revenue" "$tmp" <<'PY'
import os, re, statistics, subprocess, sys

cli, bench, tmp = sys.argv[1:]
today, frm, to = "2026-11-22", "2026-10-01", "2027-01-01"
db = os.path.join(tmp, "revenue.db")
subprocess.run([cli, "generate", "--database", db, "--deals", "0", "--clients", "2000",
                "--months", "36", "--movements", "100000", "--seed", "1", "--today", today],
               check=True, stdout=subprocess.DEVNULL)
ours = subprocess.run([bench, db, frm, to, today, "9"], check=True, capture_output=True, text=True).stdout
fields = dict(f.split("=") for f in ours.split())

# The same figures in SQL: months Dec 2025 .. Nov 2026 (the last one
# capped at tomorrow), cohort = clients with ARR > 0 at the window start.
sql = """.timer on
WITH RECURSIVE
  months (k, win_end) AS (SELECT 0, date ('2026-11-01', '+1 month', '-11 months')
                          UNION ALL SELECT k + 1, date (win_end, '+1 month') FROM months WHERE k < 11),
  w AS (SELECT k, date (win_end, '-12 months') AS s, min (win_end, '2026-11-23') AS e FROM months),
  d AS (SELECT account_id AS c, moved_on AS day,
               CASE WHEN kind IN ('contraction', 'churn') THEN -amount_cents ELSE amount_cents END AS delta
        FROM arr_movements),
  per AS (SELECT w.k, d.c, sum (CASE WHEN d.day < w.s THEN d.delta ELSE 0 END) AS si, sum (d.delta) AS ei
          FROM w JOIN d ON d.day < w.e GROUP BY w.k, d.c)
SELECT 'month', k, round (100.0 * sum (max (ei, 0)) / sum (si), 4),
       round (100.0 * sum (min (max (ei, 0), si)) / sum (si), 4) FROM per WHERE si > 0 GROUP BY k
UNION ALL
SELECT 'bridge', sum (CASE WHEN day < '%s' THEN delta ELSE 0 END), sum (CASE WHEN day < '%s' THEN delta ELSE 0 END), NULL FROM d;
""" % (frm, to)
times = []
for _ in range(5):
    out = subprocess.run(["sqlite3", db], input=sql, check=True, capture_output=True, text=True).stdout
    times.append(float(re.search(r"Run Time: real ([0-9.]+)", out).group(1)) * 1000)
    last = [l for l in out.splitlines() if l.startswith("month|11|")][0].split("|")
    end = [l for l in out.splitlines() if l.startswith("bridge|")][0].split("|")[2]
if abs(float(last[2]) - float(fields["nrr"])) > 1e-3 or abs(float(last[3]) - float(fields["grr"])) > 1e-3 \
   or int(end) != int(fields["end_arr"]):
    sys.exit("bench-revenue: the figures differ from the SQL: %s vs %s %s" % (ours.strip(), last, end))
ms, sq = float(fields["median_ms"]), statistics.median(times)
print(f"{'revenue series + bridge (2,000 clients, 100,000 moves)':<50} {ms:>10.1f} ms median of 9")
print(f"{'same figures, one query in the sqlite3 shell':<50} {sq:>10.1f} ms median of 5")
print(f"{'ratio (Traction / sqlite3)':<50} {ms / sq:>10.2f}")
PY

# Health: one heatmap frame for 2,000 clients × 36 months (visible rows
# on a 1400×900 surface) and one scorecard save on the generated file.
health_db="$tmp/health.db"
"$cli" generate --database "$health_db" --deals 0 --clients 2000 --months 36 --seed 1 \
  --today 2026-11-22 >/dev/null
health_account=$(sqlite3 "$health_db" "SELECT account_id FROM health_scores ORDER BY account_id LIMIT 1")
"$builddir/tests/bench-heatmap" "$health_db" "${health_account:-1}" 2026-11-01
# The store side: client list, heatmap of every client × 36 months (as
# generated, then with every cell scored), one scorecard save.
"$builddir/tests/bench-health" "$health_db" 2026-11-22
# One QBR PDF of the client with the most history.
"$builddir/tests/bench-qbr" "$health_db" 2026-11-22

# The pipeline board: models from the store and a search keystroke on
# 20,000 deals (needs GTK, so a virtual display).
xvfb-run -a env TRACTION_TODAY=2026-11-22 GSK_RENDERER=cairo GTK_A11Y=none "$builddir/tests/bench-board"

# Today's and the Clients view's reload after a write, and a Revenue
# period step, on 2,000 clients and 100,000 movements (Today: on 20,000
# deals too): read on a worker thread, the main thread's longest stall.
xvfb-run -a env TRACTION_TODAY=2026-11-22 GSK_RENDERER=cairo GTK_A11Y=none GSETTINGS_BACKEND=memory \
  GSETTINGS_SCHEMA_DIR="$builddir/data" "$builddir/tests/bench-views" "$tmp/revenue.db" "$tmp/gen-0.db"

# App start: launching the process to the first frame with 20,000 deals.
xvfb-run -a bash build-aux/bench-start.sh "$builddir"
