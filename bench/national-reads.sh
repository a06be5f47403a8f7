#!/usr/bin/env bash
# Reads at national scale against the packaged jar, each beside its plain-SQL floor measured in the same run:
# every leaderboard and GET /api/v1/scores over HTTP (HTTP Basic as the installation administrator), sequentially
# (REQUESTS each) and with CLIENTS concurrent clients for SECONDS; the floor is a hand-written ranking of the same
# rows run by pgbench as the schema owner (no walls, no HTTP, no JSON), sequentially and with as many clients.
# Then start-up of the jar to the login page on the kept database and its memory after start, and EXPLAIN
# (ANALYZE, BUFFERS) of the portal's own leaderboard statements (auto_explain in the jar's log).
# The data: bench/national-data.sql (PROVINCES provinces, default 63) on a kept data directory DATA, made once.
# Usage: ./mvnw -o -q -DskipTests package && bench/national-reads.sh
#        (PORT default 18006, DATA default target/bench/national, PROVINCES 63, REQUESTS 100, CLIENTS 50,
#         SECONDS_EACH 60 for each concurrent run, EXPLAIN 1)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/service-index-portal-*.jar | head -1)
java_bin=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
port=${PORT:-18006}
data=${DATA:-target/bench/national}
provinces=${PROVINCES:-63}
requests=${REQUESTS:-100}
clients=${CLIENTS:-50}
seconds=${SECONDS_EACH:-60}
period=2024-12
base="http://127.0.0.1:$port"
work=$(mktemp -d)
pid=
mkdir -p "$data"
stop() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi
}
trap 'stop; rm -rf "$work"' EXIT

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port is taken: PORT=<free port> $0" >&2
  exit 1
fi

# Starts the jar on the kept data directory (not in a subshell: pid must stay known to stop it); sets started_in to
# the seconds to the first 200 of /login.
started_in=
start() {
  local began ended
  began=$(date +%s.%N)
  "$java_bin" -jar "$jar" --spring.profiles.active=demo --server.port="$port" \
    --portal.embedded-database.data-directory="$data/pg" >> "$data/portal.log" 2>&1 &
  pid=$!
  # Up to ten minutes: on a machine shared with other builds a start took 2.5 minutes.
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/login")" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then tail -50 "$data/portal.log" >&2; exit 1; fi
    if [ "$(echo "$(date +%s.%N) - $began > 600" | bc)" = 1 ]; then echo "no login page after 600 s" >&2; exit 1; fi
    sleep 0.05
  done
  ended=$(date +%s.%N)
  started_in=$(echo "$ended - $began" | bc)
  # The embedded server takes a free port at each start.
  pgport=$(sed -n 4p "$data/pg/postmaster.pid")
  # The demo accounts are seeded after the web server answers.
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' -u admin:Demo@2024 \
        "$base/api/v1/leaderboards?level=PROVINCE&period=2019")" = 200 ]; then break; fi
    sleep 0.1
  done
}

pg() { psql -X -q -h 127.0.0.1 -p "$pgport" -U postgres -d postgres "$@"; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
start
first=$started_in
if [ "$(pg -tAc "select count(*) from org_unit where code like 'N__'")" = 0 ]; then
  echo "making $provinces provinces of bench data (bench/national-data.sql) …"
  t0=$(date +%s.%N)
  pg -v provinces="$provinces" -f bench/national-data.sql
  echo "made in $(echo "$(date +%s.%N) - $t0" | bc) s"
fi
echo "data: $(pg -tAc "select string_agg(level || ' ' || n, ', ') from (select level, count(*) n from org_unit group by level order by level) x"), $(pg -tAc 'select count(*) from result') results, $(pg -tAc 'select count(*) from result_group') group rows"

# auto_explain in every session of the next start, off until the plans are wanted (a reload switches it on).
pg -c "alter system set session_preload_libraries = 'auto_explain'" -c "alter system set auto_explain.log_min_duration = -1" \
   -c "alter system set auto_explain.log_analyze = on" -c "alter system set auto_explain.log_buffers = on" > /dev/null

# Start-up on the kept database, and the memory of the running jar (STARTUP=0 skips the restart).
if [ "${STARTUP:-1}" = 1 ]; then
  stop
  start
  rss=$(ps -o rss= -p "$pid")
  heap=$("${java_bin%/java}/jcmd" "$pid" GC.heap_info 2>/dev/null | grep -m1 'heap' | tr -s ' ' || true)
  echo "start-up to the login page on the kept database: $started_in s (the first start of this run: $first s);"\
    "RSS after start $((rss / 1024)) MiB; $heap"
fi

# One board: name, the API's query, and the floor's member condition.
floor_sql() { # $1 member condition on u
  cat <<SQL
with m as (select u.id, u.code, u.name from org_unit u where $1 and u.valid_to is null)
select m.code, m.name, t.score, rank() over (order by t.score desc nulls last) as rank
from m left join (select r.unit_id, sum(coalesce(g.official_score, g.computed_score)) as score
                  from result r join result_group g on g.result_id = r.id
                  where r.period = '$period' and r.unit_id in (select id from m) group by r.unit_id) t
       on t.unit_id = m.id
order by rank, m.name;
SQL
}
province_path=$(pg -tAc "select path from org_unit where code = 'N01' and valid_to is null")
district_id=$(pg -tAc "select id from org_unit where code = 'N01.H01' and valid_to is null")
boards=(
  "provinces|leaderboards?level=PROVINCE&period=$period|u.level = 'PROVINCE'"
  "departments of a province|leaderboards?root=N01&level=DEPARTMENT&period=$period|u.level = 'DEPARTMENT' and u.path like '$province_path%'"
  "district-level units of a province|leaderboards?root=N01&level=DISTRICT&period=$period|u.level = 'DISTRICT' and u.path like '$province_path%'"
  "communes of a province|leaderboards?root=N01&level=COMMUNE&period=$period|u.level = 'COMMUNE' and u.path like '$province_path%'"
  "communes of a district|leaderboards?root=N01.H01&level=COMMUNE&period=$period|u.level = 'COMMUNE' and u.parent_id = $district_id"
  "district-level units nationally|leaderboards?level=DISTRICT&period=$period|u.level = 'DISTRICT'"
  "communes nationally|leaderboards?level=COMMUNE&period=$period|u.level = 'COMMUNE'"
)

# pgbench: p95 (ms) of the per-transaction log.
pgbench_p95() { # $1 script, then pgbench options
  local script=$1; shift
  rm -f "$work"/pgb.*
  pgbench -n -h 127.0.0.1 -p "$pgport" -U postgres -f "$script" -l --log-prefix="$work/pgb" "$@" postgres \
    > "$work/pgbench.out" 2>&1
  cat "$work"/pgb.* | awk '{print $3 / 1000}' | sort -g | awk '{t[NR]=$1} END {
    i=int(NR*0.95+0.999); if (i<1) i=1; printf "n=%d p50=%.1f p95=%.1f max=%.1f ms", NR, t[int(NR*0.5+0.999)], t[i], t[NR] }'
  echo " $(grep -o 'tps = [0-9.]*' "$work/pgbench.out" | head -1)"
}

load() { "$java_bin" bench/HttpLoad.java "$base/api/v1/$1" admin Demo@2024 "${@:2}"; }

echo
echo "| Read | HTTP sequential (n=$requests) | floor sequential | HTTP $clients clients ${seconds}s | floor $clients clients ${seconds}s |"
echo "|---|---|---|---|---|"
run_board() { # name, api query, floor sql file
  load "$2" seq 20 > /dev/null  # warm-up
  local hs fs hc fc
  hs=$(load "$2" seq "$requests")
  fs=$(pgbench_p95 "$3" -c 1 -t "$requests")
  hc=$(load "$2" clients "$clients" "$seconds")
  fc=$(pgbench_p95 "$3" -c "$clients" -j 2 -T "$seconds")
  echo "| $1 | $hs | $fs | $hc | $fc |"
}
for board in "${boards[@]}"; do
  IFS='|' read -r name query condition <<< "$board"
  floor_sql "$condition" > "$work/floor.sql"
  run_board "$name" "$query" "$work/floor.sql"
done
cat > "$work/scores.sql" <<SQL
select u.code, u.name, u.level, g.group_code, g.official_score, g.computed_score,
       coalesce(g.official_max, g.computed_max) as max_points
from org_unit u left join result r on r.unit_id = u.id and r.period = '$period'
left join result_group g on g.result_id = r.id
where u.path like '$province_path%' order by u.path, g.group_code;
SQL
run_board "GET /scores of a province" "scores?root=N01&period=$period" "$work/scores.sql"

# The portal's own statements with their plans: auto_explain for the next requests, in the jar's log.
if [ "${EXPLAIN:-1}" = 1 ]; then
  mark=$(wc -l < "$data/portal.log")
  pg -c "alter system set auto_explain.log_min_duration = 0" -c "select pg_reload_conf()" > /dev/null
  sleep 1
  for query in "leaderboards?level=COMMUNE&period=$period" "leaderboards?root=N01&level=COMMUNE&period=$period"; do
    curl -s -o /dev/null -u admin:Demo@2024 "$base/api/v1/$query"
  done
  pg -c "alter system reset session_preload_libraries" -c "alter system reset auto_explain.log_min_duration" \
     -c "alter system reset auto_explain.log_analyze" -c "alter system reset auto_explain.log_buffers" \
     -c "select pg_reload_conf()" > /dev/null
  sleep 2
  tail -n +"$mark" "$data/portal.log" | grep -A200 'with members as' > "$data/explain.txt" || true
  echo "plans of the leaderboards' statements: $data/explain.txt"
fi
