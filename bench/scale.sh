#!/usr/bin/env bash
# Every list and page a member and an admin use, on the organization bench/generate.sh made, next to
# GET /actuator/health of the same server in the same run.
#
#   bench/generate.sh && bench/scale.sh            # the whole benchmark at 5,000 people (SCALE=1)
#   bench/scale.sh [DATABASE]                      # again on the same data (default kept_bench)
#
# Reads bench/results/<DATABASE>.env (written by generate.sh), starts the jar on DATABASE with
# JAVA_OPTS (default: the README's recommendation, -Xmx512m -XX:+UseSerialGC; JAVA_OPTS= for the
# JVM's defaults), signs the member and the admin in on the login form for the pages (session
# cookie) and uses their API tokens for the API. After one pass over every request (JIT warm-up),
# for each request: one curl for the status, the bytes and the items of the first page, then
# WARMUP (2s, not recorded) and DURATION (5s) of `wrk -tTHREADS -cCONNECTIONS --latency` (2
# threads, 8 connections); a request that alone takes over SLOW (1) second is instead timed by
# SEQUENTIAL (3) requests one after the other. Then ALONE (3s) of `wrk -t1 -c1 --latency`: the p50
# of one request at a time, which the other requests' queries on the same cores do not lengthen.
# Health is measured like the others before the first request, after every tenth and after the
# last; the ratios use the median.
#
# CPU per request counts only the threads that handle requests: Tomcat's http-nio-<port>-exec-*
# on Java 17, and the carriers of virtual threads (ForkJoinPool-*-worker-*) on Java 21+, where
# Kept handles requests on virtual threads (there the scheduled jobs run on virtual threads too).
# Their CPU times come from `jcmd <pid> Thread.print` (cpu=...ms per thread) before and after each
# wrk run, so background jobs, the JIT compilers and GC do not count; the JVM column is the whole
# JVM's (/proc/<pid>/stat), for comparison. PostgreSQL's CPU is in neither: its own column sums
# the server processes of Kept's connections to DATABASE (/proc/<pid>/stat; same machine only).
#
# A request that does not answer 200 is reported and skipped; the run goes on. ONLY=REGEX measures
# only the requests whose label matches. Targets flagged in the last column: no answer over 256 KB;
# CPU per request and p50 (under load and alone) at most 10 x health's for API lists and 20 x for
# pages; the organization goal's map under 100 ms p50 (on an idle machine). Output also goes to bench/results/scale-*.txt.
set -euo pipefail
export PGDATABASE_BENCH=${1:-${PGDATABASE_BENCH:-kept_bench}}
WARMUP=${WARMUP:-2s}
DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
ONLY=${ONLY:-.}
JAVA_OPTS=${JAVA_OPTS--Xmx512m -XX:+UseSerialGC}
BENCH=$(cd "$(dirname "$0")" && pwd)
source "$BENCH/lib.sh"
ENV_FILE=$ROOT/bench/results/$PGDATABASE_BENCH.env
[ -f "$ENV_FILE" ] || { echo "no $ENV_FILE: run bench/generate.sh $PGDATABASE_BENCH first" >&2; exit 1; }
# shellcheck disable=SC1090
source "$ENV_FILE"
OUT=$ROOT/bench/results/scale-$PGDATABASE_BENCH-$(date -u +%Y%m%d-%H%M%S).txt
exec > >(tee "$OUT") 2>&1
JCMD=$(dirname "$(realpath "$(command -v java)")")/jcmd
[ -x "$JCMD" ] || JCMD=jcmd

echo "commit $(git -C "$ROOT" rev-parse --short HEAD), $(date -u +%FT%TZ), database $PGDATABASE_BENCH (scale $SCALE,"\
  "$(psql -h "$PGHOST" -U "$PGUSER" -d "$PGDATABASE_BENCH" -qAtX -c \
     "select count(*) || ' people, ' || (select count(*) from commitment) || ' commitments, '
             || pg_size_pretty(pg_database_size(current_database())) from person"))"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-), nproc $(nproc); $(java -version 2>&1 | head -1)"
echo "JAVA_OPTS: ${JAVA_OPTS:-(none: the JVM defaults)}"
echo "wrk -t$THREADS -c$CONNECTIONS --latency --timeout 120s: $WARMUP warm-up, $DURATION measured, per request"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

start_kept "--spring.datasource.url=jdbc:postgresql://$PGHOST:5432/$PGDATABASE_BENCH" \
  "--spring.datasource.username=$PGUSER"
up=$(wait_up)
echo "Kept up in $up ms; RSS $(rss_mb) MiB"

# a token that expired or was revoked since generate.sh: make new ones
status_of() { curl -s -o /dev/null -w '%{http_code}' -H "$1" "$BASE$2"; }
token_works() {
  [ "$(status_of "Authorization: Bearer $1" /api/v1/me)" = 200 ]
}
new_token() {
  curl -sf -X POST -H 'Content-Type: application/json' "$BASE/api/v1/tokens" \
    -d "{\"email\": \"$1\", \"password\": \"$PASSWORD\", \"name\": \"bench\"}" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
token_works "$MEMBER_TOKEN" || MEMBER_TOKEN=$(new_token "$MEMBER_EMAIL")
token_works "$ADMIN_TOKEN" || ADMIN_TOKEN=$(new_token "$ADMIN_EMAIL")

# session EMAIL: signs in on the login form (CSRF token from the form) and prints the session cookie
session() {
  local jar=$WORK/cookies-$1 csrf
  csrf=$(curl -sf -c "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"\|value="[^"]*"[^>]*name="_csrf"' |
    grep -o 'value="[^"]*"' | head -1 | cut -d'"' -f2)
  curl -sf -b "$jar" -c "$jar" -o /dev/null --data-urlencode "email=$1" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
  awk '$6 == "JSESSIONID" { print "Cookie: JSESSIONID=" $7 }' "$jar"
}
MEMBER_COOKIE=$(session "$MEMBER_EMAIL")
ADMIN_COOKIE=$(session "$ADMIN_EMAIL")
signed_in() {
  [ -n "$1" ] && [ "$(status_of "$1" /commitments)" = 200 ]
}
signed_in "$MEMBER_COOKIE" && signed_in "$ADMIN_COOKIE" || { echo "could not sign in on /login" >&2; exit 1; }
GOAL=$(psql -h "$PGHOST" -U "$PGUSER" -d "$PGDATABASE_BENCH" -qAtX -c "select md5('goal-top-0')::uuid")
TEAM=$(psql -h "$PGHOST" -U "$PGUSER" -d "$PGDATABASE_BENCH" -qAtX -c "select team_id from person where email = '$MEMBER_EMAIL'")

# who kind path: the requests measured (kind api or page)
REQUESTS="
member api /api/v1/commitments
admin  api /api/v1/commitments
member api /api/v1/people
member api /api/v1/teams
member api /api/v1/goals
member api /api/v1/goals/$GOAL
member api /api/v1/goals/$GOAL/map
member api /api/v1/partnerships
member api /api/v1/partnerships/candidates
member api /api/v1/matching/proposals
member api /api/v1/kudos
member api /api/v1/notifications
member api /api/v1/checkins
member api /api/v1/expectations
member api /api/v1/flags
member api /api/v1/help-offers
member api /api/v1/advice-requests
member api /api/v1/decisions
member api /api/v1/me/moves
member api /api/v1/insights/me
member api /api/v1/insights/teams/$TEAM
admin  api /api/v1/insights/organization
member page /
admin  page /
member page /commitments
admin  page /commitments
member page /people
admin  page /teams
member page /goals
member page /goals/$GOAL
member page /goals/$GOAL/map
member page /kudos
member page /partnerships
member page /expectations
member page /commitments/new
member page /notifications
member page /checkins
member page /org-chart
admin  page /org-chart
member page /insights
member page /insights/teams/$TEAM
admin  page /insights/organization
"

header() {
  case $1-$2 in
    member-api) echo "Authorization: Bearer $MEMBER_TOKEN" ;;
    admin-api) echo "Authorization: Bearer $ADMIN_TOKEN" ;;
    member-page) echo "$MEMBER_COOKIE" ;;
    admin-page) echo "$ADMIN_COOKIE" ;;
  esac
}

# request_ms: "name milliseconds" of every request thread's CPU time so far, one line each
request_ms() {
  "$JCMD" "$KEPT_PID" Thread.print 2>/dev/null | awk '
    /^"/ && (/^"http-nio-[0-9]+-exec-/ || /^"ForkJoinPool-[0-9]+-worker-/) && match($0, /cpu=[0-9.]+ms/) {
      name = substr($0, 2, index(substr($0, 2), "\"") - 1)
      print name, substr($0, RSTART + 4, RLENGTH - 6) }'
}
# threads_delta BEFORE AFTER: the CPU milliseconds the request threads used between the two; a
# thread that started in between counts whole, one that ended (Tomcat ends idle threads beyond
# its minimum after a minute) drops out of both sides instead of making the sum fall
threads_delta() {
  awk 'NR == FNR { b[$1] = $2; next } { d += $2 - ($1 in b ? b[$1] : 0) } END { printf "%.1f\n", d }' \
    <(printf '%s\n' "$1") <(printf '%s\n' "$2")
}
jvm_ticks() { awk '{ print $14 + $15 }' "/proc/$KEPT_PID/stat"; }
# db_ticks: CPU used so far by the PostgreSQL server processes that serve Kept's connections to
# DATABASE (the server runs on this machine: PGHOST 127.0.0.1); autovacuum and the rest not counted
db_ticks() {
  local pids
  pids=$(pgrep -f "^postgres: .*: $PGUSER $PGDATABASE_BENCH 127\.0\.0\.1" || true)
  [ -n "$pids" ] || { echo 0; return; }
  # shellcheck disable=SC2086
  (cd /proc && cat $(printf '%s/stat ' $pids) 2>/dev/null) | awk '{ t += $14 + $15 } END { print t + 0 }'
}
HZ=$(getconf CLK_TCK)

# measure NAME HEADER URL: sets p50 p99 rps requests errors cpu jvm mode. A request that takes over
# SLOW seconds (default 1) alone is measured by SEQUENTIAL (3) requests one after the other instead
# of wrk (mode "seq"): wrk would finish too few of them in DURATION to say anything
measure() {
  local one before jvm_before after jvm_after db_before db_after
  one=$(curl -s -o /dev/null -w '%{time_total}' -H "$2" "$3")
  if awk -v t="$one" -v slow="${SLOW:-1}" 'BEGIN { exit !(t > slow) }'; then
    sequential "$@"
    return
  fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 120s -H "$2" -s "$BENCH/report.lua" "$3" >/dev/null
  before=$(request_ms); jvm_before=$(jvm_ticks); db_before=$(db_ticks)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 120s --latency -H "$2" -s "$BENCH/report.lua" "$3" \
    >"$WORK/$1.wrk"
  after=$(request_ms); jvm_after=$(jvm_ticks); db_after=$(db_ticks)
  # RESULT p50_ms p95_ms p99_ms requests_per_s requests errors non2xx connect read write timeout
  read -r _ p50 _ p99 rps requests errors _ < <(grep '^RESULT' "$WORK/$1.wrk")
  if [ "$requests" -lt 5 ]; then
    sequential "$@"
    return
  fi
  mode=wrk
  per_request "$before" "$after" "$jvm_before" "$jvm_after"
  wrk -t1 -c1 -d"${ALONE:-3s}" --timeout 120s --latency -H "$2" -s "$BENCH/report.lua" "$3" >"$WORK/$1.alone"
  read -r _ p50_alone _ < <(grep '^RESULT' "$WORK/$1.alone")
}

sequential() {
  local before jvm_before after jvm_after db_before db_after times=() answer
  mode=seq errors=0 requests=${SEQUENTIAL:-3} p50_alone=-
  before=$(request_ms); jvm_before=$(jvm_ticks); db_before=$(db_ticks)
  for _ in $(seq "$requests"); do
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "$2" "$3")
    [ "${answer%% *}" = 200 ] || errors=$((errors + 1))
    times+=("$(awk -v t="${answer#* }" 'BEGIN { printf "%.3f", t * 1000 }')")
  done
  after=$(request_ms); jvm_after=$(jvm_ticks); db_after=$(db_ticks)
  p50=$(median "${times[@]}")
  p50_alone=$p50
  p99=$(printf '%s\n' "${times[@]}" | sort -n | tail -1)
  rps=$(printf '%s\n' "${times[@]}" | awk '{ s += $1 } END { printf "%.2f", NR * 1000 / s }')
  per_request "$before" "$after" "$jvm_before" "$jvm_after"
}

# per_request BEFORE AFTER JVM_TICKS_BEFORE JVM_TICKS_AFTER: sets cpu, jvm and db (ms per request;
# BEFORE and AFTER from request_ms, db from db_before and db_after)
per_request() {
  cpu=$(awk -v d="$(threads_delta "$1" "$2")" -v n="$requests" 'BEGIN { printf "%.3f", n ? d / n : 0 }')
  jvm=$(awk -v t=$(($4 - $3)) -v hz="$HZ" -v n="$requests" 'BEGIN { printf "%.3f", n ? t * 1000 / hz / n : 0 }')
  db=$(awk -v t=$((db_after - db_before)) -v hz="$HZ" -v n="$requests" 'BEGIN { printf "%.3f", n ? t * 1000 / hz / n : 0 }')
}

H_p50=() H_cpu=() H_rps=() H_jvm=() H_alone=()
health() {
  measure health "X-Bench: health" "$BASE/actuator/health"
  H_p50+=("$p50") H_cpu+=("$cpu") H_rps+=("$rps") H_jvm+=("$jvm") H_alone+=("$p50_alone")
  printf '  (health: p50 %s ms, alone %s ms, %s req/s, %s ms CPU per request)\n' "$p50" "$p50_alone" "$rps" "$cpu"
}

echo; echo "warming up: each request once, and health for $WARMUP"
while read -r who kind path; do
  label="$who $kind $path"
  label=${label//$GOAL/\{goal\}}
  [ -n "$who" ] && [[ ${label//$TEAM/\{team\}} =~ $ONLY ]] || continue
  curl -s -o /dev/null -H "$(header "$who" "$kind")" "$BASE$path"
done <<<"$REQUESTS"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE/actuator/health" >/dev/null
echo "measuring; health first"
health
health_bytes=$(curl -s -o /dev/null -w '%{size_download}' "$BASE/actuator/health")
ROWS=() done_count=0
while read -r who kind path; do
  [ -n "$who" ] || continue
  label="$who $kind $path"
  label=${label//$GOAL/\{goal\}}
  label=${label//$TEAM/\{team\}}
  [[ $label =~ $ONLY ]] || continue
  h=$(header "$who" "$kind")
  code=$(curl -s -H "$h" -o "$WORK/body" -w '%{http_code} %{size_download}' "$BASE$path")
  bytes=${code#* } code=${code%% *}
  if [ "$code" != 200 ]; then
    echo "$label: answered $code, not measured: $(head -c 300 "$WORK/body")"
    ROWS+=("$label|$code|$bytes|-|-|-|-|-|-|-|-|-")
    continue
  fi
  items=-
  if [ "$kind" = api ]; then
    items=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
if isinstance(d, list): print(len(d))
elif isinstance(d, dict) and isinstance(d.get("items"), list): print(str(len(d["items"])) + ("+" if d.get("next") else ""))
else: print("-")' "$WORK/body")
  fi
  measure request "$h" "$BASE$path"
  printf '%-40s %3s %9s B %5s items  p50 %8s ms  p99 %8s ms  %7s req/s  %8s ms CPU/req (JVM %s, PostgreSQL %s)  alone p50 %s ms %s%s\n' \
    "$label" "$code" "$bytes" "$items" "$p50" "$p99" "$rps" "$cpu" "$jvm" "$db" "$p50_alone" "$mode" \
    "$([ "$errors" = 0 ] || echo "  $errors errors")"
  ROWS+=("$label|$code|$bytes|$items|$p50|$p99|$rps|$cpu|$jvm|$db|$errors|$mode|$p50_alone")
  done_count=$((done_count + 1))
  if [ $((done_count % 10)) = 0 ]; then health; fi
done <<<"$REQUESTS"
health
echo "RSS after load: $(rss_mb) MiB (peak $(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$KEPT_PID/status") MiB);"\
  "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

hp50=$(median "${H_p50[@]}") hcpu=$(median "${H_cpu[@]}") hrps=$(median "${H_rps[@]}") halone=$(median "${H_alone[@]}")
echo
echo "health (median of ${#H_p50[@]} runs): $health_bytes bytes, p50 $hp50 ms (alone $halone ms), $hrps req/s, $hcpu ms CPU per request"
echo
hjvm=$(median "${H_jvm[@]}")
echo "| request | status | bytes | items | p50 ms | p99 ms | req/s | CPU ms/req | p50 ÷ health | CPU ÷ health | JVM ms/req | PostgreSQL ms/req | p50 alone ms | alone ÷ health | targets |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for row in "${ROWS[@]}"; do
  IFS='|' read -r label code bytes items p50 p99 rps cpu jvm db errors mode alone <<<"$row"
  if [ "$code" != 200 ]; then
    echo "| \`$label\` | $code | $bytes | | | | | | | | | | | | not measured |"
    continue
  fi
  awk -v label="$label" -v bytes="$bytes" -v items="$items" -v p50="$p50" -v p99="$p99" -v rps="$rps" -v cpu="$cpu" \
    -v errors="$errors" -v hp50="$hp50" -v hcpu="$hcpu" -v mode="$mode" -v jvm="$jvm" -v db="$db" \
    -v alone="$alone" -v halone="$halone" 'BEGIN {
      page = label ~ / page /; limit = page ? 20 : 10
      rp = p50 / hp50; rc = hcpu > 0 ? cpu / hcpu : 0; ra = alone / halone; fail = ""
      if (bytes > 262144) fail = fail "over 256 KB; "
      if (rc > limit) fail = fail "CPU over " limit " x; "
      if (rp > limit) fail = fail "p50 over " limit " x; "
      if (ra > limit) fail = fail "p50 alone over " limit " x; "
      if (label ~ /\/map$/ && p50 > 100) fail = fail "map over 100 ms; "
      if (errors > 0) fail = fail errors " errors; "
      sub(/; $/, "", fail)
      printf "| `%s` | 200 | %d | %s | %.1f | %.1f%s | %.1f | %.2f | %.0f | %.0f | %.2f | %.2f | %.1f | %.0f | %s |\n",
        label, bytes, items, p50, p99, mode == "seq" ? " (max of 3, one at a time)" : "", rps, cpu, rp, rc,
        jvm, db, alone, ra, fail == "" ? "ok" : "**" fail "**" }'
done
echo
echo "health: $health_bytes bytes, p50 $hp50 ms (one at a time $halone ms), $hrps req/s, $hcpu ms CPU per request on request threads, $hjvm ms"\
  "in the whole JVM (medians of ${#H_p50[@]} runs)"
echo "written to $OUT"
