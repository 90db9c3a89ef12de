#!/usr/bin/env bash
# Latency and throughput of GET /api/v1/commitments (a person with 200 commitments) next to
# GET /actuator/health of the same server in the same run, on H2 or PostgreSQL.
#
#   ./mvnw -q -o -Dmaven.test.skip package && bench/load.sh h2
#   bench/load.sh postgres        # needs PostgreSQL on 127.0.0.1:5432, user postgres, trust auth
#
# Starts the jar (default JVM flags) on a fresh database (H2: a file in a temp dir; PostgreSQL: a
# new database, dropped at the end), seeds it with bench/seed.py, warms both endpoints up for
# WARMUP seconds (not recorded), then runs wrk -t2 -c4 -d10s --latency against each, with the same
# bearer header, and prints p50, p95, requests/s and the ratios list/health.
# Settings: PORT (18081), WARMUP (5), DURATION (10s), COUNT (200), JAR.
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:-}
JAR=${JAR:-$PWD/target/kept-0.1.0-SNAPSHOT.jar}
PORT=${PORT:-18081}
WARMUP=${WARMUP:-5}
DURATION=${DURATION:-10s}
COUNT=${COUNT:-200}
BASE=http://127.0.0.1:$PORT

[ -f "$JAR" ] || { echo "no $JAR: build it first (./mvnw -q -o -Dmaven.test.skip package)" >&2; exit 1; }
if curl -s -o /dev/null "$BASE/actuator/health"; then echo "port $PORT is in use" >&2; exit 1; fi

work=$(mktemp -d /tmp/kept-load.XXXXXX)
pgdb=
pid=
cleanup() {
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
    if [ -n "$pgdb" ]; then psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $pgdb" >/dev/null; fi
    rm -rf "$work"
}
trap cleanup EXIT

case "$DB" in
    h2) db_args=("--spring.datasource.url=jdbc:h2:file:$work/kept;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH") ;;
    postgres)
        pgdb=kept_bench_$$
        psql -q -h 127.0.0.1 -U postgres -c "create database $pgdb"
        db_args=("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$pgdb" --spring.datasource.username=postgres)
        ;;
    *) echo "usage: $0 h2|postgres" >&2; exit 2 ;;
esac

echo "database: $DB; JVM: $(java -version 2>&1 | head -1); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$work" && exec java -jar "$JAR" --server.port="$PORT" "${db_args[@]}" >"$work/log" 2>&1) &
pid=$!
until curl -s --max-time 1 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "the server died:" >&2; tail -20 "$work/log" >&2; exit 1; }
    sleep 0.2
done

TOKEN=$(bench/seed.py "$BASE" "$COUNT")
AUTH="Authorization: Bearer $TOKEN"
LIST=$BASE/api/v1/commitments
HEALTH=$BASE/actuator/health
items=$(curl -sf -H "$AUTH" "$LIST" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
bytes=$(curl -sf -H "$AUTH" -o /dev/null -w '%{size_download}' "$LIST")
health_bytes=$(curl -sf -H "$AUTH" -o /dev/null -w '%{size_download}' "$HEALTH")
echo "list: $items commitments, $bytes bytes; health: $health_bytes bytes"

for url in "$LIST" "$HEALTH"; do
    wrk -t2 -c4 -d"${WARMUP}s" -H "$AUTH" "$url" >/dev/null
done

measure() { wrk -t2 -c4 -d"$DURATION" --latency -H "$AUTH" -s bench/report.lua "$1" | grep '^RESULT'; }
list=$(measure "$LIST")
health=$(measure "$HEALTH")
echo "wrk, list:   $list"
echo "wrk, health: $health"
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }

printf '%-26s %8s %8s %10s %8s\n' endpoint p50_ms p95_ms req/s errors
for name in list health; do
    r=${!name}
    label=$([ "$name" = list ] && echo "GET /api/v1/commitments" || echo "GET /actuator/health")
    printf '%-26s %8s %8s %10s %8s\n' "$label" "$(field p50_ms "$r")" "$(field p95_ms "$r")" \
        "$(field rps "$r")" "$(field errors "$r")"
done
awk -v lp50="$(field p50_ms "$list")" -v hp50="$(field p50_ms "$health")" \
    -v lp95="$(field p95_ms "$list")" -v hp95="$(field p95_ms "$health")" \
    -v lrps="$(field rps "$list")" -v hrps="$(field rps "$health")" \
    'BEGIN {printf "ratio list/health: p50 %.1fx, p95 %.1fx, throughput %.2fx (health/list %.1fx)\n",
            lp50 / hp50, lp95 / hp95, lrps / hrps, hrps / lrps}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
