#!/bin/bash
# Builds and runs every test twice: a normal build, then ASan+UBSan.
# Widget tests run under Xvfb. The last line is "N passed, N failed".
set -u
cd "$(dirname "$0")/.."

builddir=${1:-build}
asandir=${2:-build-asan}
status=0

xvfb() {
  xvfb-run -a -s "-screen 0 1400x900x24 -nolisten tcp" "$@"
}

run_suite() {
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    meson setup "$dir" "$@" || return 1
  fi
  ninja -C "$dir" || return 1
  rm -f "$dir/meson-logs/testlog.json"
  xvfb meson test -C "$dir" --print-errorlogs --num-processes 2 || return 1
}

echo "== Tests =="
run_suite "$builddir" || status=1

echo "== Tests with AddressSanitizer and UndefinedBehaviorSanitizer =="
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
run_suite "$asandir" -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug || status=1

# The importers under libFuzzer for a few seconds each, when clang and
# its fuzzer runtime are installed (tests/fuzz/).
fuzzdir=${3:-build-fuzz}
fuzzlogs=
if command -v clang >/dev/null && ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "== Fuzzing the importers (libFuzzer) =="
  fuzzlogs=$fuzzdir
  if [ ! -f "$fuzzdir/build.ninja" ]; then
    CC=clang meson setup "$fuzzdir" -Dfuzzing=true -Dwidget_tests=false -Db_sanitize=address,undefined \
      -Db_lundef=false -Dbuildtype=debug -Dc_args=-fsanitize=fuzzer-no-link || status=1
  fi
  rm -f "$fuzzdir/meson-logs/testlog.json"
  { ninja -C "$fuzzdir" tests/fuzz/fuzz-csv tests/fuzz/fuzz-movements tests/fuzz/fuzz-json &&
    meson test -C "$fuzzdir" --suite fuzz --no-rebuild --print-errorlogs; } || status=1
fi

python3 - "$builddir" "$asandir" $fuzzlogs <<'PY'
import json, os, sys
passed = failed = skipped = 0
failures = []
for d in sys.argv[1:]:
    log = os.path.join(d, "meson-logs", "testlog.json")
    if not os.path.exists(log):
        failed += 1          # the suite did not even build or run
        failures.append(f"{d}: did not build or run")
        continue
    for line in open(log):
        t = json.loads(line)
        r = t.get("result")
        if r in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif r == "SKIP":
            skipped += 1
        else:
            failed += 1
            failures.append(f"{d}: {t.get('name')} {r} after {t.get('duration', 0):.1f} s")
# The failures again here, so the end of the output names them.
for f in failures:
    print("FAILED", f)
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed else 0)
PY
summary=$?
[ $summary -ne 0 ] && status=1
exit $status
