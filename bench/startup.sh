#!/usr/bin/env bash
# Start-up time and resident memory of Kept on a fresh embedded H2 database, 5 runs and the median.
#
#   ./mvnw -q -o -Dmaven.test.skip package && bench/startup.sh
#
# Each run starts the jar with default JVM flags in its own temp directory (a new H2 file database
# there), measures the wall time from launch until GET /actuator/health answers UP, reads the
# "Started KeptApplication in X seconds" log line, waits SETTLE seconds and reads VmRSS from
# /proc/<pid>/status, then stops the server. Settings: RUNS (5), PORT (18080), SETTLE (5), JAR.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-$PWD/target/kept-0.1.0-SNAPSHOT.jar}
RUNS=${RUNS:-5}
PORT=${PORT:-18080}
SETTLE=${SETTLE:-5}
HEALTH=http://127.0.0.1:$PORT/actuator/health

[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -q -o -Dmaven.test.skip package)" >&2; exit 1; }
if curl -s -o /dev/null "$HEALTH"; then echo "port $PORT is in use" >&2; exit 1; fi

echo "JVM: $(java -version 2>&1 | head -1) ($(java -version 2>&1 | sed -n 3p))"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jar: $JAR"
echo "run  ready_s  started_in_s  rss_mib"

pid=
work=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    if [ -n "$work" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

readies=() starteds=() rsss=()
for run in $(seq 1 "$RUNS"); do
    work=$(mktemp -d /tmp/kept-startup.XXXXXX)
    start=$(date +%s%N)
    (cd "$work" && exec java -jar "$JAR" --server.port="$PORT" \
        "--spring.datasource.url=jdbc:h2:file:$work/kept;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
        >"$work/log" 2>&1) &
    pid=$!
    until curl -s --max-time 1 "$HEALTH" 2>/dev/null | grep -q '"status":"UP"'; do
        kill -0 "$pid" 2>/dev/null || { echo "the server died:" >&2; tail -20 "$work/log" >&2; exit 1; }
        sleep 0.05
    done
    ready=$(( ($(date +%s%N) - start) / 1000000 ))
    started=$(grep -o 'Started KeptApplication in [0-9.]* seconds' "$work/log" | grep -o '[0-9.]*' | head -1)
    sleep "$SETTLE"
    rss_kib=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
    rm -rf "$work"; work=
    ready_s=$(awk -v ms="$ready" 'BEGIN {printf "%.2f", ms / 1000}')
    rss_mib=$(( rss_kib / 1024 ))
    printf '%3d  %7s  %12s  %7s\n' "$run" "$ready_s" "$started" "$rss_mib"
    readies+=("$ready_s") starteds+=("$started") rsss+=("$rss_mib")
done

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
printf 'median  %5s  %12s  %7s\n' "$(median "${readies[@]}")" "$(median "${starteds[@]}")" "$(median "${rsss[@]}")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
