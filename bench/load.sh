#!/usr/bin/env bash
# Latency and throughput of GET /api/v1/commitments for a person with 200 commitments, next to
# GET /actuator/health of the same server in the same run.
#
#   bench/load.sh [h2|postgres]      # default h2 (a file database in a temp directory)
#
# Starts the jar (default JVM flags) on a fresh database, seeds it with bench/seed.py, warms up each
# endpoint for WARMUP (default 5s, not recorded), then runs `wrk -t2 -c4 -d10s --latency` on each
# (DURATION, CONNECTIONS, THREADS to change). Prints p50, p95 and requests/s of both, and ratios.
# Needs the jar (./mvnw -q -Dmaven.test.skip package), wrk, curl, python3, and psql for postgres.
set -euo pipefail
DATABASE=${1:-h2}
COMMITMENTS=${COMMITMENTS:-200}
WARMUP=${WARMUP:-5s}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
BENCH=$(cd "$(dirname "$0")" && pwd)
source "$BENCH/lib.sh"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

db_args=$(fresh_database "$DATABASE")
# shellcheck disable=SC2086
start_kept $db_args
echo "Kept up in $(wait_up) ms on $DATABASE; seeding $COMMITMENTS commitments"
TOKEN=$(python3 "$BENCH/seed.py" "$BASE" "$COMMITMENTS")
AUTH="Authorization: Bearer $TOKEN"
LIST=$BASE/api/v1/commitments
HEALTH=$BASE/actuator/health

list_bytes=$(curl -sf -H "$AUTH" -o "$WORK/list.json" -w '%{size_download}' "$LIST")
list_items=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/list.json")
health_bytes=$(curl -sf -o /dev/null -w '%{size_download}' "$HEALTH")
echo "GET /api/v1/commitments: $list_items commitments, $list_bytes bytes; GET /actuator/health: $health_bytes bytes"
echo "RSS before load: $(rss_mb) MiB"

# run NAME URL DURATION: wrk with the bearer token (health ignores it); keeps wrk's output in $WORK
run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -H "$AUTH" -s "$BENCH/percentiles.lua" "$2" >"$WORK/$1.wrk"
  if grep -q 'Non-2xx' "$WORK/$1.wrk"; then echo "$1: errors:" >&2; cat "$WORK/$1.wrk" >&2; exit 1; fi
}
echo "warming up ($WARMUP each, not recorded)"
run warm-list "$LIST" "$WARMUP"
run warm-health "$HEALTH" "$WARMUP"
echo "measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, list first, then health"
run list "$LIST" "$DURATION"
run health "$HEALTH" "$DURATION"
echo "RSS after load: $(rss_mb) MiB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# RESULT p50_ms p95_ms p99_ms requests_per_s requests errors  (see percentiles.lua)
read -r _ lp50 lp95 lp99 lrps lreq lerr < <(grep '^RESULT' "$WORK/list.wrk")
read -r _ hp50 hp95 hp99 hrps hreq herr < <(grep '^RESULT' "$WORK/health.wrk")
echo
echo "$DATABASE, $CONNECTIONS connections, $DURATION each:"
printf '%-26s %9s %9s %9s %10s %9s %7s\n' endpoint p50_ms p95_ms p99_ms req/s requests errors
printf '%-26s %9.2f %9.2f %9.2f %10.0f %9d %7d\n' "GET /api/v1/commitments" "$lp50" "$lp95" "$lp99" "$lrps" "$lreq" "$lerr"
printf '%-26s %9.2f %9.2f %9.2f %10.0f %9d %7d\n' "GET /actuator/health" "$hp50" "$hp95" "$hp99" "$hrps" "$hreq" "$herr"
awk -v a="$lp50" -v b="$hp50" -v c="$lp95" -v d="$hp95" -v e="$hrps" -v f="$lrps" \
  'BEGIN { printf "list / health: p50 x%.1f, p95 x%.1f; throughput: health / list x%.1f\n", a / b, c / d, e / f }'
