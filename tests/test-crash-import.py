#!/usr/bin/env python3
"""Crash safety of the CSV import: a 20,000-row `traction-cli import-csv`
is killed with SIGKILL at random moments; each time the database must
open, pass PRAGMA integrity_check and hold all of the batch or none.

Usage: test-crash-import.py TRACTION-CLI   (TAP output)"""
import os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time

cli = sys.argv[1]
rows = 20000
kills = 8
tmp = tempfile.mkdtemp(prefix="traction-crash-")
# The kill times are random; the seed is printed so a failure can be run
# again with CRASH_SEED.
seed = int(os.environ.get("CRASH_SEED", "0")) or random.SystemRandom().randrange(1, 2**31)
random.seed(seed)
print(f"# CRASH_SEED={seed}", flush=True)
tests = []


def ok(cond, name):
    tests.append((bool(cond), name))
    print(("ok" if cond else "not ok") + f" {len(tests)} {name}", flush=True)


def copy_db(src, dst):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(dst + suffix):
            os.remove(dst + suffix)
    for suffix in ("", "-wal"):
        if os.path.exists(src + suffix):
            shutil.copy(src + suffix, dst + suffix)


def check(db, before, name):
    con = sqlite3.connect(db)
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    deals = con.execute("SELECT count(*) FROM deals").fetchone()[0]
    contacts = con.execute("SELECT count(*) FROM contacts").fetchone()[0]
    con.close()
    # The app's own open (migrations, pragmas) must work too.
    opened = subprocess.run([cli, "metrics", "--database", db, "--today", "2026-11-22"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ok(integrity == "ok", f"{name}: integrity_check ok")
    ok(opened.returncode == 0, f"{name}: the database opens ({opened.stderr.strip()})")
    all_or_none = (deals, contacts) in ((before[0], before[1]), (before[0] + rows, before[1] + rows))
    ok(all_or_none, f"{name}: all of the batch or none (deals {deals}, contacts {contacts})")
    return deals == before[0] + rows


try:
    base = os.path.join(tmp, "base.db")
    subprocess.run([cli, "demo", "--database", base, "--today", "2026-11-22"],
                   check=True, stdout=subprocess.DEVNULL)
    con = sqlite3.connect(base)
    before = (con.execute("SELECT count(*) FROM deals").fetchone()[0],
              con.execute("SELECT count(*) FROM contacts").fetchone()[0])
    con.close()

    csv = os.path.join(tmp, "big.csv")
    with open(csv, "w", encoding="utf-8", newline="") as f:
        f.write("Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Associated Company,"
                "Company Domain Name,Email,First Name,Last Name\r\n")
        for i in range(rows):
            f.write(f'{i},"Crash deal {i}, part ""{i % 7}""",Contract Sent,{1000 + i}.50,2027-01-15,'
                    f'2026-10-01,Crash Co {i // 5},crash{i // 5}.example.com,p{i}@crash{i // 5}.example.com,'
                    f'First,Last {i}\r\n')

    # How long a whole import takes, to spread the kills over it.
    db = os.path.join(tmp, "t.db")
    copy_db(base, db)
    start = time.monotonic()
    done = subprocess.run([cli, "import-csv", "--database", db, "--today", "2026-11-22", csv],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    full = time.monotonic() - start
    ok(done.returncode == 0, f"uninterrupted import ({full:.2f} s) {done.stderr.strip()}")
    ok(check(db, before, "uninterrupted"), "uninterrupted: the whole batch is there")

    for k in range(kills):
        copy_db(base, db)
        # Reading the file takes most of the run and the write comes at
        # the end: every other kill lands in the last 40 %, in the write.
        delay = random.uniform(0.0, full) if k % 2 == 0 else random.uniform(full * 0.6, full * 1.05)
        proc = subprocess.Popen([cli, "import-csv", "--database", db, "--today", "2026-11-22", csv],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        check(db, before, f"kill {k + 1} after {delay:.3f} s")
finally:
    shutil.rmtree(tmp, ignore_errors=True)

print(f"1..{len(tests)}")
sys.exit(0 if all(t[0] for t in tests) else 1)
