#!/usr/bin/env bash
# A province's year as a result sheet, end to end over HTTP against the packaged jar, beside its plain-SQL floor in
# the same run (issue 13, "Writes"). On a fresh data directory with the demo data:
#  1. a portal file of the demo province with UNITS units creates the communes the registry lacks (bench/PortalFile.java);
#     re-imports of 200-unit and 700-unit files time the portal file path;
#  2. the floor: bench/sheet-floor.sql writes the sheet's rows in plain SQL as the superuser (no walls), with the
#     change history's triggers on and off, and rolls back;
#  3. POST /api/v1/imports/sheet?province=64 with the CSV sheet (UNITS × 6 groups × 12 months): first commit
#     (inserts), then another file with other figures (updates), each timed by curl; then the same with the result
#     tables' audit triggers off (diagnostic: the history's share), turned back on afterwards;
#  4. the chain check after it all (GET /api/v1/audit/verify as the auditor, when present).
# Usage: bench/sheet-import.sh [units, default 200]   (build first: ./mvnw -o -q -DskipTests package)
# PORT (default 18005) and PGPORT (default PORT+100) must be free.
set -euo pipefail
cd "$(dirname "$0")/.."
units=${1:-200}
jar=$(ls target/service-index-portal-*.jar | head -1)
java_bin=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
port=${PORT:-18005}
pgport=${PGPORT:-$((port + 100))}
user=${BENCH_USER:-tinh.giamsat}
password=${BENCH_PASSWORD:-Demo@2024}
base="http://127.0.0.1:$port"
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
for p in "$port" "$pgport"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is taken" >&2; exit 1; fi
done

"$java_bin" bench/PortalFile.java tttt 22 7 "$work/warm.json"
"$java_bin" bench/PortalFile.java tttt "$units" 1 "$work/units.json"
"$java_bin" bench/PortalFile.java tttt "$units" 2 "$work/units2.json"
"$java_bin" bench/PortalFile.java tttt 700 4 "$work/p700a.json"
"$java_bin" bench/PortalFile.java tttt 700 5 "$work/p700b.json"
"$java_bin" bench/ProvinceSheet.java "$units" 1 "$work/sheet.csv" "$work/sheet.tsv"
"$java_bin" bench/ProvinceSheet.java "$units" 2 "$work/sheet2.csv" "$work/sheet2.tsv"
"$java_bin" bench/ProvinceSheet.java 20 3 "$work/small.csv"
echo "sheet: $(($(wc -l < "$work/sheet.csv") - 1)) rows, $(wc -c < "$work/sheet.csv") bytes"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

"$java_bin" -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
  --portal.embedded-database.port="$pgport" \
  --portal.embedded-database.data-directory="$work/pg" > "$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 2400); do
  if curl -s -o /dev/null -w '%{http_code}' "$base/login" | grep -q 200; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/log" >&2; exit 1; fi
  sleep 0.05
done
# The demo's results are seeded after the server answers; an import of the same periods must not race them.
for _ in $(seq 1 1200); do grep -q "Demo results seeded" "$work/log" && break; sleep 0.1; done
sql() { psql -X -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres "$@"; }

# One request; prints "<seconds> <response>" and fails on anything but 200.
post() {
  local file=$1 url=$2 type=$3 out code
  out=$(curl -s -u "$user:$password" -H "Content-Type: $type" -H "X-File-Name: $(basename "$file")" \
    --data-binary "@$file" -w '\n%{http_code} %{time_total}' "$base$url")
  code=$(tail -1 <<< "$out" | cut -d' ' -f1)
  if [ "$code" != 200 ]; then echo "HTTP $code: $(head -n -1 <<< "$out")" >&2; exit 1; fi
  echo "$(tail -1 <<< "$out" | cut -d' ' -f2) $(head -n -1 <<< "$out" | jq -c 'del(.unmatched)')"
}
portal() { post "$1" "/api/v1/imports/portal?period=$2&createMissingUnits=true" application/json; }
sheet() { post "$1" "/api/v1/imports/sheet?province=64" text/csv; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }

echo "## portal files"
echo "warm-up (22 departments): $(portal "$work/warm.json" 2023-01)"
for m in 02 03 04 05 06; do portal "$work/warm.json" "2023-$m" > /dev/null; done
echo "first, $units units (creates the communes): $(portal "$work/units.json" 2024-05)"
times=()
for i in 1 2 3 4 5; do
  f=$([ $((i % 2)) = 1 ] && echo units2 || echo units)
  line=$(portal "$work/$f.json" 2024-05); times+=("${line%% *}")
done
echo "re-import, $units units updated: median of 5 $(printf '%s\n' "${times[@]}" | median) s (${times[*]})"
echo "first, 700 units (creates $((700 - units))): $(portal "$work/p700a.json" 2024-04)"
times=()
for i in 1 2 3 4 5; do
  f=$([ $((i % 2)) = 1 ] && echo p700b || echo p700a)
  line=$(portal "$work/$f.json" 2024-04); times+=("${line%% *}")
done
echo "re-import, 700 units updated: median of 5 $(printf '%s\n' "${times[@]}" | median) s (${times[*]})"

echo "## plain-SQL floor of the sheet's writes (superuser, no walls; rolled back)"
floor() { sql -v first="$work/sheet.tsv" -v again="$work/sheet2.tsv" -v triggers="$1" -v walls="$2" \
  -f bench/sheet-floor.sql | sed "s/^/history $1, walls $2: /"; }
floor on false
floor off false
floor on true

echo "## the sheet over HTTP"
sheet "$work/small.csv" > /dev/null; sheet "$work/small.csv" > /dev/null
records() { sql -At -c "select count(*) from audit_record"; }
before=$(records)
echo "first commit (inserts): $(sheet "$work/sheet.csv")  audit records: $(($(records) - before))"
before=$(records)
echo "again, other figures (updates): $(sheet "$work/sheet2.csv")  audit records: $(($(records) - before))"
echo "again, the first figures (updates): $(sheet "$work/sheet.csv")"
sql -c "alter table result disable trigger user; alter table result_group disable trigger user"
echo "history off (diagnostic), updates: $(sheet "$work/sheet2.csv")"
echo "history off (diagnostic), updates: $(sheet "$work/sheet.csv")"
sql -c "alter table result enable trigger user; alter table result_group enable trigger user"
echo "history on again, updates: $(sheet "$work/sheet2.csv")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
