#!/usr/bin/env bash
# Everything docs/performance.md quotes, in one go: the machine, then start-up (median of 5) and load
# on H2 and on PostgreSQL. Output also goes to bench/results/<date>.txt (not committed).
#
#   ./mvnw -q -Dmaven.test.skip package && bench/all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
out=bench/results/$(date +%Y%m%d-%H%M%S).txt
{
  echo "commit $(git rev-parse --short HEAD), $(date -u +%FT%TZ)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-), nproc $(nproc)"
  free -g
  java -version 2>&1
  psql -h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}" -Atc 'select version()'
  wrk --version 2>&1 | head -1 || true
  for db in h2 postgres; do echo; echo "== start-up, $db"; bench/startup.sh "$db"; done
  for db in h2 postgres; do echo; echo "== load, $db"; bench/load.sh "$db"; done
} 2>&1 | tee "$out"
echo "written to $out"
