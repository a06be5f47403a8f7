#!/usr/bin/env bash
# Measures how long the portal takes from `java -jar` to serving the login page, with the embedded PostgreSQL and
# the demo data: once on a fresh data directory (initdb, migrations, demo seed) and once on the kept one.
# Usage: bench/startup.sh [runs]   (build first: ./mvnw package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls target/service-index-portal-*.jar | head -1)
java_bin=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
port=18080
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

measure() {
  local start end pid
  start=$(date +%s.%N)
  "$java_bin" -jar "$jar" --spring.profiles.active=demo --server.port=$port \
    --portal.embedded-database.data-directory="$data/pg" > "$data/log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1200); do
    if curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login" | grep -q 200; then break; fi
    sleep 0.05
  done
  end=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$1: $(echo "$end - $start" | bc) s"
}

measure "fresh data directory"
for i in $(seq 1 "$runs"); do measure "kept data directory, run $i"; done
