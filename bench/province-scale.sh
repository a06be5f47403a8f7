#!/usr/bin/env bash
# Times the result sheet import (200 units × 6 groups × 12 months, preview and commit) and the province dashboard's
# queries (campaign progress, distribution, trend, leaderboard with its gap column) on the demo province grown to
# 240 units with 12 monthly results each, through the services on the tests' embedded PostgreSQL.
# The harness is src/test/java/vn/serviceindex/portal/bench/ProvinceScaleBenchmark.java; only -Pbench runs it.
# Usage: bench/province-scale.sh [runs per query, default 15]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
rm -f target/bench/province-scale.txt
echo "load before: $(uptime)"
./mvnw -o -B -q test -Pbench -Dbench.runs="${1:-15}"
echo "load after: $(uptime)"
cat target/bench/province-scale.txt
