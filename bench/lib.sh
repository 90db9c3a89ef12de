# Shared by startup.sh and load.sh: start Kept from the jar on a fresh database, wait for it, stop it.
# Settings (environment): KEPT_JAR (default target/kept-0.1.0-SNAPSHOT.jar), PORT (default 18190),
# PGHOST/PGUSER for PostgreSQL (default 127.0.0.1, postgres; trust authentication), and
# PGDATABASE_BENCH, the database created for each start and dropped at the end (kept_bench_<pid>).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$(realpath "${KEPT_JAR:-$ROOT/target/kept-0.1.0-SNAPSHOT.jar}")
PORT=${PORT:-18190}
BASE=http://127.0.0.1:$PORT
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
PGDATABASE_BENCH=${PGDATABASE_BENCH:-kept_bench_$$}
if curl -s -o /dev/null "$BASE"; then echo "port $PORT is in use; set PORT" >&2; exit 1; fi
[ -f "$JAR" ] || { echo "no jar at $JAR: build it with ./mvnw -q -Dmaven.test.skip package" >&2; exit 1; }

WORK=$(mktemp -d /tmp/kept-bench.XXXXXX)
KEPT_PID=

# fresh_database h2|postgres: prints the JDBC arguments of an empty database
fresh_database() {
  case $1 in
    h2)
      rm -rf "$WORK/h2"
      echo "--spring.datasource.url=jdbc:h2:file:$WORK/h2/kept;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
      ;;
    postgres)
      PGOPTIONS="-c client_min_messages=warning" psql -h "$PGHOST" -U "$PGUSER" -qX -c "drop database if exists $PGDATABASE_BENCH" \
        -c "create database $PGDATABASE_BENCH" >&2 || exit 1
      echo "--spring.datasource.url=jdbc:postgresql://$PGHOST:5432/$PGDATABASE_BENCH --spring.datasource.username=$PGUSER"
      ;;
    *) echo "database must be h2 or postgres, not '$1'" >&2; exit 2 ;;
  esac
}

# start_kept ARGS...: starts the jar with default JVM flags (or JAVA_OPTS, split on spaces) (working directory $WORK, log $WORK/kept.log)
# and sets KEPT_PID; start_kept returns at once, wait_up waits for health UP and prints the milliseconds
start_kept() {
  START_NS=$(date +%s%N)
  # word splitting of the database arguments is intended
  (cd "$WORK" && exec java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" "$@" >"$WORK/kept.log" 2>&1) &
  KEPT_PID=$!
}

wait_up() {
  # a busy machine has taken over 3 minutes to start it
  local deadline=$((SECONDS + ${START_TIMEOUT:-600}))
  until curl -sf "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$KEPT_PID" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
      echo "Kept did not start; its log:" >&2; tail -40 "$WORK/kept.log" >&2; exit 1
    fi
    sleep 0.02
  done
  echo $((($(date +%s%N) - START_NS) / 1000000))
}

# rss_mb: resident memory of the running Kept, in MiB (VmRSS of /proc/<pid>/status)
rss_mb() {
  awk '/^VmRSS:/ { printf "%.0f\n", $2 / 1024 }' "/proc/$KEPT_PID/status"
}

stop_kept() {
  if [ -n "$KEPT_PID" ] && kill -0 "$KEPT_PID" 2>/dev/null; then
    kill "$KEPT_PID"; wait "$KEPT_PID" 2>/dev/null || true
  fi
  KEPT_PID=
}

# median VALUES...: the median (the mean of the two middle values for an even count)
median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

cleanup() {
  stop_kept
  if [ "${DATABASE:-}" = postgres ]; then
    psql -h "$PGHOST" -U "$PGUSER" -qX -c "drop database if exists $PGDATABASE_BENCH" >&2 || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
