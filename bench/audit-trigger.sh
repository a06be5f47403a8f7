#!/usr/bin/env bash
# Times the change history's triggers in plain SQL: 5,000 units inserted and renamed in one transaction with the
# per-field SHA-256 trigger of V3 (schema at V11), with the per-row trigger of V12, and with no audit trigger; and the
# portal's seal of a V12 transaction. The harness is
# src/test/java/vn/serviceindex/portal/audit/service/AuditTriggerBenchmark.java; only -Pbench runs it.
# Usage: bench/audit-trigger.sh [runs, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
rm -f target/bench/audit-trigger.txt
echo "load before: $(uptime)"
./mvnw -o -B -q test -Pbench -Dtest=AuditTriggerBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.runs="${1:-5}"
echo "load after: $(uptime)"
cat target/bench/audit-trigger.txt
