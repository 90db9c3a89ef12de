#!/usr/bin/env bash
# The background jobs on a backlog: due-date reminders (overdue commitments) and check-in reminders,
# each run once on BACKLOG rows (default 28000) written straight into the database, and the rows a
# second each handled; see docs/performance.md. The jobs' backlog tests do the work (they also
# check that every row is handled once and that the statements follow the batches, not the rows).
#
#   bench/jobs.sh                              # on H2
#   EVENT_THREADS=1 bench/jobs.sh              # with kept.events.threads=1 (default 4)
#   PGDATABASE=kept_bench bench/jobs.sh        # on PostgreSQL at 127.0.0.1:5432 (the database is
#                                              # dropped and made anew)
set -euo pipefail
cd "$(dirname "$0")/.."
BACKLOG="${BACKLOG:-28000}"
argline="-Djobs.backlog=$BACKLOG${EVENT_THREADS:+ -Dkept.events.threads=$EVENT_THREADS}"
args=(-B -o test "-Dtest=DueDateBacklogTests#remindsEveryOverdueCommitmentOnceInBatchesOfConstantStatements,CheckInJobBacklogTests#remindsEveryPartnerOnceInBatchesOfConstantStatements"
  -Dsurefire.failIfNoSpecifiedTests=false "-Djobs.backlog=$BACKLOG" "-DargLine=$argline")
if [[ -n "${PGDATABASE:-}" ]]; then
  psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists $PGDATABASE" -c "create database $PGDATABASE"
  export KEPT_TEST_PG_DATABASE="$PGDATABASE" KEPT_TEST_PG_REQUIRE_SERVER=1
  args+=(-Ppostgres)
fi
log="target/bench-jobs.log"
mkdir -p target
./mvnw "${args[@]}" > "$log" 2>&1 || { tail -50 "$log"; exit 1; }
grep -aoE "(overdue reminders|check-in reminders): [0-9]+ ([a-z-]+ )?in [0-9]+ ms, [0-9]+ a second" "$log"
