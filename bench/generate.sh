#!/usr/bin/env bash
# Builds an organization of 5,000 people (times SCALE) in a new PostgreSQL database, for bench/scale.sh.
#
#   SCALE=1 bench/generate.sh [DATABASE]     # default database kept_bench; SCALE 0.1, 1 (default), 10
#
# Drops and creates DATABASE, starts the jar on it once so that Flyway creates the schema; over the
# API signs up the organization's admin, who invites a member, who joins through the invitation
# link (read from the log); both get an API token. Then stops the jar and fills the organization
# with bench/generate.sql (set-based SQL: what it makes is listed at its top; the member ends up in
# a team of 100 with 20 commitments and 2 partnerships), and runs ANALYZE. Prints the ids and
# tokens, and writes them with the e-mails and the password to bench/results/<DATABASE>.env, which
# bench/scale.sh reads. Every generated person has the same password (the admin's hash). The
# database is kept: drop it with `dropdb -h 127.0.0.1 -U postgres DATABASE`.
# Needs the jar (./mvnw -q -Dmaven.test.skip package), curl, python3 and psql.
set -euo pipefail
SCALE=${SCALE:-1}
export PGDATABASE_BENCH=${1:-${PGDATABASE_BENCH:-kept_bench}}
BENCH=$(cd "$(dirname "$0")" && pwd)
source "$BENCH/lib.sh"
ADMIN_EMAIL=admin@bench.example
MEMBER_EMAIL=member@bench.example
PASSWORD="bench marks 2026"
mkdir -p "$ROOT/bench/results"
ENV_FILE=$ROOT/bench/results/$PGDATABASE_BENCH.env

json() { python3 -c 'import json, sys; d = json.load(sys.stdin)
for k in sys.argv[1].split("."): d = d[k]
print(d)' "$1"; }

# post PATH JSON [HEADER]: the answer's body; stops with the answer when it is not 2xx
post() {
  local out; out=$(curl -sS -X POST -H 'Content-Type: application/json' ${3:+-H "$3"} -d "$2" -w '\n%{http_code}' "$BASE$1")
  local code=${out##*$'\n'}
  [[ $code == 2* ]] || { echo "POST $1 answered $code: ${out%$'\n'*}" >&2; exit 1; }
  printf '%s' "${out%$'\n'*}"
}

echo "database $PGDATABASE_BENCH, scale $SCALE; load average $(cut -d' ' -f1-3 /proc/loadavg)"
db_args=$(fresh_database postgres)
# shellcheck disable=SC2086
start_kept $db_args
up=$(wait_up)
echo "schema created, Kept up in $up ms"
signed_up=$(post /api/v1/signup "{\"organization\": \"Bench Corp\", \"name\": \"Alex Admin\",
  \"email\": \"$ADMIN_EMAIL\", \"password\": \"$PASSWORD\", \"timeZone\": \"Europe/Berlin\"}")
ORG=$(json organization.id <<<"$signed_up")
ADMIN=$(json person.id <<<"$signed_up")
token() { json token <<<"$(post /api/v1/tokens "{\"email\": \"$1\", \"password\": \"$PASSWORD\", \"name\": \"bench\"}")"; }
ADMIN_TOKEN=$(token "$ADMIN_EMAIL")
# the member: invited by the admin, joins through the link in the invitation e-mail (in the log
# without a mail server); generate.sql then places them in a team with commitments and partners
MEMBER=$(json id <<<"$(post /api/v1/people "{\"name\": \"Morgan Member\", \"email\": \"$MEMBER_EMAIL\"}" \
  "Authorization: Bearer $ADMIN_TOKEN")")
link=
for _ in $(seq 600); do
  link=$(grep -A20 "to $MEMBER_EMAIL:" "$WORK/kept.log" | grep -o '/invitations/[A-Za-z0-9_-]*' | head -1 || true)
  [ -n "$link" ] && break
  sleep 0.1
done
[ -n "$link" ] || { echo "no invitation link for $MEMBER_EMAIL in the log" >&2; exit 1; }
post "/api/v1$link" "{\"password\": \"$PASSWORD\"}" >/dev/null
MEMBER_TOKEN=$(token "$MEMBER_EMAIL")
stop_kept

started=$(date +%s%N)
psql -h "$PGHOST" -U "$PGUSER" -d "$PGDATABASE_BENCH" -qX -v ON_ERROR_STOP=1 -v scale="$SCALE" -v org="$ORG" \
  -v admin="$ADMIN" -v member="$MEMBER" -P footer=off -f "$BENCH/generate.sql"
echo "generated in $((($(date +%s%N) - started) / 1000000)) ms"
cat >"$ENV_FILE" <<EOF
BENCH_DATABASE=$PGDATABASE_BENCH
SCALE=$SCALE
ORG=$ORG
PASSWORD='$PASSWORD'
ADMIN=$ADMIN
ADMIN_EMAIL=$ADMIN_EMAIL
ADMIN_TOKEN=$ADMIN_TOKEN
MEMBER=$MEMBER
MEMBER_EMAIL=$MEMBER_EMAIL
MEMBER_TOKEN=$MEMBER_TOKEN
EOF
echo "database size: $(psql -h "$PGHOST" -U "$PGUSER" -d "$PGDATABASE_BENCH" -qAtX -c \
  "select pg_size_pretty(pg_database_size(current_database()))")"
echo "admin  $ADMIN  $ADMIN_EMAIL  token $ADMIN_TOKEN"
echo "member $MEMBER  $MEMBER_EMAIL  token $MEMBER_TOKEN"
echo "password for both (and every generated person): $PASSWORD; written to $ENV_FILE"
