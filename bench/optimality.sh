#!/usr/bin/env bash
# The engine's total against networkx's exact max_weight_matching on generated programs of the given
# sizes (full candidate graph), and the pruned total as a share of the exact one. Fails when the full
# total differs or the pruned one is below 99 %. Needs Debian's python3-networkx.
#
#   bench/optimality.sh 200 500 1000 2000
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-/usr/bin/python3}
"$PYTHON" -c 'import networkx' 2>/dev/null || { echo "python3-networkx is missing: apt-get install -y python3-networkx" >&2; exit 1; }
bench/classpath.sh > /dev/null
status=0
for size in "${@:-200 500 1000}"; do
  file=$(mktemp)
  java -cp "$(cat target/bench.classpath)" dev.kept.matching.OptimalityExport "$size" "$size" "$file"
  "$PYTHON" bench/optimality.py "$file" || status=1
  rm -f "$file"
done
exit $status
