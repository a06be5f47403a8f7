#!/usr/bin/env bash
# Measures what HTTP Basic costs under a burst: rounds of 50 parallel GET requests (an empty leaderboard, so the
# request itself costs next to nothing) as one demo account, against the packaged jar with the demo data on a fresh
# data directory. Wall time per request as curl sees it; p50, p95 and the slowest of each round. The first round
# comes right after start-up (no credential checked yet); the later ones after it.
# Then a burst of 50 parallel requests with a wrong password, and the login form's CSRF and headers on a real server.
# Usage: bench/api-auth.sh [rounds, default 5] [jar, default target/service-index-portal-*.jar]
#        (build first: ./mvnw -o -B -q package -DskipTests; PORT= another free port than 18091)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
jar=${2:-$(ls target/service-index-portal-*.jar | head -1)}
java_bin=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
port=${PORT:-18091}
user=${BENCH_USER:-tinh.giamsat}
password=${BENCH_PASSWORD:-Demo@2024}
base="http://127.0.0.1:$port"
address="$base/api/v1/leaderboards?root=64&level=DEPARTMENT&period=2019"
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port is taken: PORT=<free port> $0" >&2
  exit 1
fi

"$java_bin" -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
  --portal.embedded-database.data-directory="$work/pg" > "$work/log" 2>&1 &
pid=$!
# The demo accounts are seeded after the web server answers: wait for Spring's "Started … in … seconds".
for _ in $(seq 1 2400); do
  if grep -q 'Started .* in .* seconds' "$work/log"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/log" >&2; exit 1; fi
  sleep 0.05
done
echo "jar: $jar"

# The login form on a real server: its page carries the CSRF token the form sends; without it nobody logs in.
jar_cookies="$work/cookies"
headers=$(curl -s -D - -o "$work/login.html" -c "$jar_cookies" "$base/login")
echo "login page headers:"
grep -i -E '^(content-security-policy|x-content-type-options|referrer-policy|x-frame-options|set-cookie):' \
  <<< "$headers" | sed 's/JSESSIONID=[^;]*/JSESSIONID=…/; s/^/  /'
token=$(grep -o '<meta name="_csrf" content="[^"]*"' "$work/login.html" | sed 's/.*content="//; s/"$//' || true)
echo "CSRF token in the page: $([ -n "$token" ] && echo yes || echo no)"
without=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar_cookies" \
  --data-urlencode "username=admin" --data-urlencode "password=$password" "$base/login")
echo "POST /login without the token: $without"
with=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar_cookies" \
  --data-urlencode "username=admin" --data-urlencode "password=$password" --data-urlencode "_csrf=$token" \
  "$base/login")
echo "POST /login with the token: $with"

# 50 parallel requests; prints "p50 p95 max" in seconds and the answers' status codes.
burst() {
  local pass=$1
  seq 1 50 | xargs -P 50 -I{} curl -s -o /dev/null -u "$user:$pass" -w '%{time_total} %{http_code}\n' \
    "$address" > "$work/burst"
  sort -g "$work/burst" | awk '{t[NR]=$1; c[$2]++} END {
    p50=t[int(NR*0.5+0.5)]; p95=t[int(NR*0.95+0.5)];
    codes=""; for (k in c) codes=codes k "×" c[k] " ";
    printf "p50 %.3f s  p95 %.3f s  max %.3f s  (%s)\n", p50, p95, t[NR], codes }'
}

for r in $(seq 1 "$rounds"); do
  echo "round $r, 50 parallel requests, right password: $(burst "$password")"
done
echo "50 parallel requests, one wrong password: $(burst "not-$password")"

