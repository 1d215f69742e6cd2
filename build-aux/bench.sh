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

print(f"{'benchmark':<50} {'median ms':>10} {'peak MiB':>9} {'runs':>5}")
for name, ms, mib, runs in rows:
    print(f"{name:<50} {ms:>10.1f} {mib:>9.1f} {runs:>5}")
PY

# The pipeline board: models from the store and a search keystroke on
# 20,000 deals (needs GTK, so a virtual display).
xvfb-run -a env TRACTION_TODAY=2026-11-22 GSK_RENDERER=cairo GTK_A11Y=none "$builddir/tests/bench-board"
