#!/usr/bin/env bash
# The matching engine at 1,000, 10,000 and 100,000 participants (or the sizes given), next to a
# greedy pairing of the same generated organization; see docs/performance.md.
#
#   bench/matching.sh                 # 1000 10000 100000
#   HEAP=1g bench/matching.sh 10000   # the largest heap the run may use (default 4g)
set -euo pipefail
cd "$(dirname "$0")/.."
bench/classpath.sh
java -Xmx"${HEAP:-4g}" -cp "$(cat target/bench.classpath)" dev.kept.matching.MatchingBenchmark "$@"
