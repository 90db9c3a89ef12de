#!/usr/bin/env bash
# Compiles the tests (bench/java is a test source folder) and writes the classpath the matching
# benchmarks run with to target/bench.classpath.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -o test-compile 2>/dev/null || ./mvnw -q -ntp test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.deps -Dmdep.includeScope=test 2>/dev/null \
  || ./mvnw -q -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.deps -Dmdep.includeScope=test
echo "target/test-classes:target/classes:$(cat target/bench.deps)" > target/bench.classpath
