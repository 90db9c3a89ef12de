#!/usr/bin/env bash
# Start-up time and resident memory of Kept, median of RUNS (default 5) starts, each on a fresh database.
#
#   bench/startup.sh [h2|postgres]      # default h2: an H2 file database in a temp directory
#
# Time: from launching `java -jar` (default JVM flags) until GET /actuator/health answers UP.
# CPU: user + system time the JVM (all its threads) had used by then; other work on the machine
# stretches the time much more than the CPU time.
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
times=() cpus=() rss=()
for run in $(seq "$RUNS"); do
  db_args=$(fresh_database "$DATABASE")
  # shellcheck disable=SC2086
  start_kept $db_args
  ms=$(wait_up)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$KEPT_PID/stat")
  sleep "$SETTLE"
  mb=$(rss_mb)
  spring=$(grep -o 'Started [A-Za-z]* in [0-9.]* seconds (process running for [0-9.]*' "$WORK/kept.log" \
    | sed 's/.* in \([0-9.]*\) seconds (process running for \([0-9.]*\)/\1 s, JVM up \2 s/' || true)
  stop_kept
  times+=("$ms") cpus+=("$cpu") rss+=("$mb")
  printf 'run %d: up in %5d ms (Spring reports %s), %s s of CPU, RSS %d MiB after %ss\n' \
    "$run" "$ms" "$spring" "$cpu" "$mb" "$SETTLE"
done
echo "median of $RUNS ($DATABASE): start-up $(median "${times[@]}") ms, $(median "${cpus[@]}") s of CPU, RSS $(median "${rss[@]}") MiB"
