#!/bin/bash
# App start on 20,000 generated deals: from launching the process to the
# first frame painted, and to the first frame with Today's lists and
# figures (read on a worker thread) in it (the app prints the times of
# those frames when TRACTION_BENCH_FIRST_FRAME is set, then quits), and
# the peak memory. Medians of 7 runs. Needs a display:
# build-aux/bench.sh runs it under xvfb-run.
set -eu
builddir=${1:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$builddir/data" GSK_RENDERER=cairo GTK_A11Y=none
export TRACTION_TODAY=2026-11-22

"$builddir/src/cli/traction-cli" generate --database "$tmp/big.db" --deals 20000 --clients 2000 \
  --months 36 --seed 1 --today "$TRACTION_TODAY" >/dev/null

python3 - "$builddir/src/traction" "$tmp/big.db" <<'PY'
import os, resource, statistics, subprocess, sys, time
app, db = sys.argv[1:]
env = dict(os.environ, TRACTION_BENCH_FIRST_FRAME="1")
firsts, contents, mems = [], [], []
for run in range(8):
    start = time.time()
    out = subprocess.run([app, "--database", db], env=env, check=True,
                         capture_output=True, text=True, timeout=60).stdout
    stamp = lambda name: int([l for l in out.splitlines() if l.startswith(name + " ")][0].split()[1]) / 1e6
    if run == 0:
        continue  # the first run warms the page cache
    firsts.append((stamp("first-frame-us") - start) * 1000)
    contents.append((stamp("content-frame-us") - start) * 1000)
    mems.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
print(f"{'app start to first frame, 20,000 deals':<50} {statistics.median(firsts):>10.1f} {max(mems):>9.1f} {len(firsts):>5}")
print(f"{'app start to Today filled, 20,000 deals':<50} {statistics.median(contents):>10.1f} {max(mems):>9.1f} {len(contents):>5}")
PY
