#!/usr/bin/env python3
"""Which large tables each request reads by a sequential scan, on PostgreSQL.

    bench/seqscans.py DATABASE BASE_URL TOKEN PATH...     # e.g. kept_scale http://127.0.0.1:18190 kept_... /api/v1/people

For every PATH, GETs it once with the bearer token (or, for a path that does not start with
/api/, with the cookie in the environment variable KEPT_COOKIE, e.g. "SESSION=..."), and reads
PostgreSQL's pg_stat_user_tables before and after: a table of more than MIN_ROWS rows (default
10000) whose seq_scan count rose was read whole by that request, which is what an index should
have spared. Statistics reach pg_stat_user_tables when a backend reports them (at the end of a
transaction, at most once a second), so it waits STATS_WAIT seconds (default 1.2) around each
request; nothing else should use the database meanwhile (background jobs can: run it twice).
Prints one line per path, and exits 1 if any path scanned a large table. Needs psql (trust auth;
PGHOST, PGUSER) and Python 3's standard library.
"""
import os
import subprocess
import sys
import time
import urllib.request

MIN_ROWS = int(os.environ.get("MIN_ROWS", "10000"))
WAIT = float(os.environ.get("STATS_WAIT", "1.2"))


def scans(database):
    out = subprocess.run(
        ["psql", "-h", os.environ.get("PGHOST", "127.0.0.1"), "-U", os.environ.get("PGUSER", "postgres"),
         "-qAtX", "-F", " ", "-d", database, "-c",
         "select relname, seq_scan, n_live_tup from pg_stat_user_tables"],
        check=True, capture_output=True, text=True).stdout
    rows = {}
    for line in out.splitlines():
        name, seq, live = line.split()
        rows[name] = (int(seq), int(live))
    return rows


def get(base, path, token):
    request = urllib.request.Request(base + path)
    if path.startswith("/api/"):
        request.add_header("Authorization", "Bearer " + token)
    elif os.environ.get("KEPT_COOKIE"):
        request.add_header("Cookie", os.environ["KEPT_COOKIE"])
    with urllib.request.urlopen(request) as answer:
        return answer.status, len(answer.read())


def main():
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    database, base, token, paths = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    failed = False
    for path in paths:
        time.sleep(WAIT)
        before = scans(database)
        status, size = get(base, path, token)
        time.sleep(WAIT)
        after = scans(database)
        whole = sorted(f"{name} ({live} rows)" for name, (seq, live) in after.items()
                       if live >= MIN_ROWS and seq > before.get(name, (0, 0))[0])
        failed |= bool(whole)
        print(f"{path}: {status}, {size} bytes; sequential scans of large tables: {', '.join(whole) or 'none'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
