#!/usr/bin/env bash
# Latency and throughput of GET /api/v1/commitments for a person with 200 commitments, next to
# GET /actuator/health of the same server in the same run.
#
#   bench/load.sh [h2|postgres]      # default h2 (a file database in a temp directory)
#
# PARTNERS=N adds N outside peer partners who each make 50 commitments, half of them for partners
# (bench/seed.py), so the list also goes through the partners part of the access policy.
#
# Starts the jar (default JVM flags) on a fresh database, seeds it with bench/seed.py, warms up each
# endpoint for WARMUP (default 10s, not recorded), then runs `wrk -t2 -c4 -d10s --latency` on the list,
# then on health, ROUNDS times (default 3, so a burst of other work on the machine shows up as one
# odd round; DURATION, CONNECTIONS, THREADS to change). Prints p50, p95 and requests/s of every
# round, their medians, and the ratios of the medians; also the JVM's CPU time per request, which
# other work on the machine disturbs much less than latency.
# Needs the jar (./mvnw -q -Dmaven.test.skip package), wrk, curl, python3, and psql for postgres.
set -euo pipefail
DATABASE=${1:-h2}
COMMITMENTS=${COMMITMENTS:-200}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-4}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
BENCH=$(cd "$(dirname "$0")" && pwd)
source "$BENCH/lib.sh"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

db_args=$(fresh_database "$DATABASE")
# shellcheck disable=SC2086
start_kept $db_args
echo "Kept up in $(wait_up) ms on $DATABASE; seeding $COMMITMENTS commitments"
TOKEN=$(KEPT_LOG="$WORK/kept.log" python3 "$BENCH/seed.py" "$BASE" "$COMMITMENTS")
AUTH="Authorization: Bearer $TOKEN"
LIST=$BASE/api/v1/commitments
HEALTH=$BASE/actuator/health

list_bytes=$(curl -sf -H "$AUTH" -o "$WORK/list.json" -w '%{size_download}' "$LIST")
list_items=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$WORK/list.json")
health_bytes=$(curl -sf -o /dev/null -w '%{size_download}' "$HEALTH")
echo "GET /api/v1/commitments: $list_items commitments, $list_bytes bytes; GET /actuator/health: $health_bytes bytes"
echo "RSS before load: $(rss_mb) MiB"

# cpu_ticks: CPU time the JVM has used so far (user + system, in clock ticks of /proc/<pid>/stat)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$KEPT_PID/stat"; }
HZ=$(getconf CLK_TCK)

# run NAME URL DURATION: wrk with the bearer token (health ignores it); keeps wrk's output in $WORK and
# appends the JVM's CPU milliseconds per request to wrk's RESULT line
run() {
  local before; before=$(cpu_ticks)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -H "$AUTH" -s "$BENCH/report.lua" "$2" >"$WORK/$1.wrk"
  if grep -q 'Non-2xx' "$WORK/$1.wrk"; then echo "$1: errors:" >&2; cat "$WORK/$1.wrk" >&2; exit 1; fi
  # RESULT p50_ms p95_ms p99_ms requests_per_s requests errors non2xx connect read write timeout
  read -r _ p50 p95 p99 rps requests errors breakdown < <(grep '^RESULT' "$WORK/$1.wrk")
  [ "$errors" = 0 ] || echo "$1: $errors errors (non-2xx, connect, read, write, timeout: $breakdown)" >&2
  cpu=$(awk -v t=$(($(cpu_ticks) - before)) -v hz="$HZ" -v n="$requests" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')
}
row() { printf '%-6s %-26s %8.2f %8.2f %8.2f %8.0f %8d %6d %8.3f\n' "$@"; }

echo "warming up ($WARMUP each, not recorded)"
run warm-list "$LIST" "$WARMUP"
run warm-health "$HEALTH" "$WARMUP"
echo "measuring: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; $ROUNDS rounds of list, then health"
printf '%-6s %-26s %8s %8s %8s %8s %8s %6s %8s\n' round endpoint p50_ms p95_ms p99_ms req/s requests errors cpu_ms
L_p50=() L_p95=() L_rps=() L_cpu=() H_p50=() H_p95=() H_rps=() H_cpu=()
for r in $(seq "$ROUNDS"); do
  run list "$LIST" "$DURATION"
  row "$r" "GET /api/v1/commitments" "$p50" "$p95" "$p99" "$rps" "$requests" "$errors" "$cpu"
  L_p50+=("$p50") L_p95+=("$p95") L_rps+=("$rps") L_cpu+=("$cpu")
  run health "$HEALTH" "$DURATION"
  row "$r" "GET /actuator/health" "$p50" "$p95" "$p99" "$rps" "$requests" "$errors" "$cpu"
  H_p50+=("$p50") H_p95+=("$p95") H_rps+=("$rps") H_cpu+=("$cpu")
done
echo "RSS after load: $(rss_mb) MiB; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

lp50=$(median "${L_p50[@]}") lp95=$(median "${L_p95[@]}") lrps=$(median "${L_rps[@]}") lcpu=$(median "${L_cpu[@]}")
hp50=$(median "${H_p50[@]}") hp95=$(median "${H_p95[@]}") hrps=$(median "${H_rps[@]}") hcpu=$(median "${H_cpu[@]}")
echo
echo "$DATABASE, $CONNECTIONS connections, $DURATION per endpoint, median of $ROUNDS rounds"
echo "(cpu_ms: JVM CPU time per request, user + system; PostgreSQL's own work is not in it):"
printf '%-26s %8s %8s %8s %8s\n' endpoint p50_ms p95_ms req/s cpu_ms
printf '%-26s %8.2f %8.2f %8.0f %8.3f\n' "GET /api/v1/commitments" "$lp50" "$lp95" "$lrps" "$lcpu"
printf '%-26s %8.2f %8.2f %8.0f %8.3f\n' "GET /actuator/health" "$hp50" "$hp95" "$hrps" "$hcpu"
awk -v a="$lp50" -v b="$hp50" -v c="$lp95" -v d="$hp95" -v e="$hrps" -v f="$lrps" -v g="$lcpu" -v h="$hcpu" \
  'BEGIN { printf "list / health: p50 x%.1f, p95 x%.1f, CPU per request x%.1f; throughput health / list x%.1f\n", a / b, c / d, g / h, e / f }'
