#!/usr/bin/env bash
# Start-up time and resident memory of Kept, median of RUNS (default 5) starts, each on a fresh database.
#
#   bench/startup.sh [h2|postgres]      # default h2: an H2 file database in a temp directory
#
# Time: from launching `java -jar` (default JVM flags) until GET /actuator/health answers UP.
# Memory: VmRSS of the JVM SETTLE (default 5) seconds after it is up, with no requests in between.
# Needs the jar (./mvnw -q -Dmaven.test.skip package), curl, and psql for postgres.
set -euo pipefail
DATABASE=${1:-h2}
RUNS=${RUNS:-5}
SETTLE=${SETTLE:-5}
source "$(dirname "$0")/lib.sh"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "jar: $JAR"
echo "java: $(java -version 2>&1 | head -1), default flags; database: $DATABASE; $(nproc) cores"
times=() rss=()
for run in $(seq "$RUNS"); do
  db_args=$(fresh_database "$DATABASE")
  # shellcheck disable=SC2086
  start_kept $db_args
  ms=$(wait_up)
  sleep "$SETTLE"
  mb=$(rss_mb)
  spring=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*' "$WORK/kept.log" \
    | sed 's/.* in \([0-9.]*\) seconds (process running for \([0-9.]*\)/\1 s, JVM up \2 s/' || true)
  stop_kept
  times+=("$ms") rss+=("$mb")
  printf 'run %d: up in %5d ms (Spring reports %s), RSS %d MiB after %ss\n' "$run" "$ms" "$spring" "$mb" "$SETTLE"
done
echo "median of $RUNS ($DATABASE): start-up $(median "${times[@]}") ms, RSS $(median "${rss[@]}") MiB"
