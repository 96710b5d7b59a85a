#!/usr/bin/env bash
# The hot request path against what the database can serve, in one run (issue 15):
#
#   bench/request-path-bench.sh [seconds=20] [connections=16] [deals=100000]
#
# Starts the built service as the README starts it (its flags: jvm.options) on a fresh data directory, seeds
# one workspace with N deals straight in SQL (bench/SeedInsightDeals.java: 5 % of them OPEN), and measures
# with wrk at C connections:
#   1. the first 30 s after the service is ready: GET one deal with an API key (the cold start);
#   2. the anchor: pgbench -S -M prepared with C clients on the same embedded PostgreSQL (scale 10);
#   3. steady state (after a 60 s warm-up on the deal), each for S seconds: GET one deal, GET /api/v1/me, the deal list's first page, and
#      LOST closes with their loss analysis (each request closes another OPEN deal, If-Match "0"; the run
#      stops early once every OPEN deal is closed, so a repeat never counts as a close);
#   4. the JVM's resident memory after the load, PostgreSQL's apart;
#   5. restart to ready on the same data directory, started the same way.
# Every figure is printed as a Markdown table row; the GET deal ratio to pgbench is the target's measure.
#
# Needs wrk and pgbench (Debian: apt-get install wrk postgresql-client-15); installs them when missing
# and running as root.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
CONNECTIONS=${2:-16}
DEALS=${3:-100000}

for tool in wrk pgbench; do
  if ! command -v "$tool" >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
      apt-get install -y -q wrk postgresql-client-15 >/dev/null
    else
      echo "$tool is missing: apt-get install wrk postgresql-client-15"; exit 1
    fi
  fi
done

BENCH_NAME=request-path-bench
STARTED=$(date +%s.%N)
. bench/start-service.sh
READY=$(date +%s.%N)
API="http://127.0.0.1:$PORT/api/v1"
WS=$(curl -sf -H "Authorization: Bearer $KEY" "$API/me" | grep -o '"workspaces":\[{"id":"[^"]*"' | sed 's/.*"id":"//; s/"//')
export PGPASSWORD=$(cat "$DIR/pg/superuser.password")
JDBC="jdbc:postgresql://127.0.0.1:$PGPORT/postgres"
PSQL="psql -h 127.0.0.1 -p $PGPORT -U postgres -qAt"
WORK="$DIR/wrk"
mkdir -p "$WORK"

# One deal to read, found before any seeding so the cold start is measured right after ready.
DEAL=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d '{"name":"Acme renewal","account":"Acme"}' "$API/workspaces/$WS/deals" | grep -o '^{"id":"[^"]*"' | sed 's/.*"id":"//; s/"//')
DEAL_PATH="/api/v1/workspaces/$WS/deals/$DEAL"

# Prints "requests/s p50 p99" (ms) of a wrk run; extra arguments go to wrk (a Lua script).
measure() {
  local path=$1 secs=$2
  shift 2
  wrk -t2 -c"$CONNECTIONS" -d"${secs}s" --latency -H "Authorization: Bearer $KEY" "$@" "http://127.0.0.1:$PORT$path" \
    >"$WORK/last.txt" 2>&1
  local rps p50 p99 bad
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/last.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/last.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$WORK/last.txt")
  bad=$(awk '/Non-2xx/ {print $5}' "$WORK/last.txt")
  echo "$rps $(ms "$p50") $(ms "$p99") ${bad:-0}"
}

# wrk prints 812.00us, 3.21ms or 1.02s
ms() {
  case "$1" in
    *us) awk -v v="${1%us}" 'BEGIN {printf "%.2f", v / 1000}' ;;
    *ms) awk -v v="${1%ms}" 'BEGIN {printf "%.2f", v}' ;;
    *s) awk -v v="${1%s}" 'BEGIN {printf "%.2f", v * 1000}' ;;
    *) echo "$1" ;;
  esac
}

row() { # label "rps p50 p99 bad" extra
  read -r rps p50 p99 bad <<<"$2"
  echo "| $1 | $rps | $p50 | $p99 | $bad | ${3:-} |"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| measure | requests/s | p50 ms | p99 ms | non-2xx | note |"
echo "|---|---|---|---|---|---|"
COLD=$(measure "$DEAL_PATH" 30)
row "GET one deal, first 30 s after ready" "$COLD" "start to ready $(awk -v a="$STARTED" -v b="$READY" 'BEGIN {printf "%.1f", b - a}') s"

java -cp "$PGJAR" bench/SeedInsightDeals.java "$JDBC" "$WS" "$DEALS" >/dev/null
$PSQL -d postgres -c "analyze"
$PSQL -d postgres -c "create database pgbench" 2>/dev/null || true
pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -i -q -s 10 pgbench >/dev/null 2>&1
PGB=$(pgbench -h 127.0.0.1 -p "$PGPORT" -U postgres -S -M prepared -c "$CONNECTIONS" -j 2 -T "$SECONDS_EACH" pgbench 2>/dev/null \
  | awk '/^tps/ {print $3}' | head -1)
echo "| anchor: pgbench -S -M prepared, $CONNECTIONS clients | $PGB | | | | transactions/s |"

measure "$DEAL_PATH" 60 >/dev/null   # warm-up: the JIT compiler keeps improving the path for about a minute
HOT=$(measure "$DEAL_PATH" "$SECONDS_EACH")
row "GET one deal (API key)" "$HOT" "$(awk -v a="${HOT%% *}" -v b="$PGB" 'BEGIN {printf "%.1f %% of pgbench", 100 * a / b}')"
row "GET /api/v1/me" "$(measure /api/v1/me "$SECONDS_EACH")"
row "GET the deal list's first page (50)" "$(measure "/api/v1/workspaces/$WS/deals?limit=50" "$SECONDS_EACH")"

# LOST closes: each request closes the next OPEN deal, the threads taking turns through the list.
REASON=$($PSQL -d postgres -c "select id from loss_reason where workspace_id = '$WS' and code = 'PRICE_ONLY'")
STAGE=$($PSQL -d postgres -c "select id from vocabulary_entry where workspace_id = '$WS' and kind = 'STAGE' order by position limit 1")
if [ -z "$REASON" ] || [ -z "$STAGE" ]; then echo "no PRICE_ONLY reason or no stage in the workspace"; exit 1; fi
BODY='{"outcome":"LOST","closedOn":"'$(date -u +%F)'","lossAnalysis":{"primaryReason":{"reasonId":"'$REASON'"},"stageLostAtId":"'$STAGE'","fit":"GOOD_FIT","whatWeWouldDoDifferently":"Send the revised quote the same day"}}'
$PSQL -d postgres -c "select id from deal where workspace_id = '$WS' and outcome = 'OPEN' and version = 0 and id <> '$DEAL'" >"$WORK/all-open.txt"
# One close by hand first: a refused body would otherwise be measured as thousands of fast 4xx answers.
STATUS=$(curl -s -o "$WORK/first-close.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -H 'If-Match: "0"' -d "$BODY" "$API/workspaces/$WS/deals/$(head -1 "$WORK/all-open.txt")/close")
if [ "$STATUS" != 200 ]; then echo "a LOST close answered $STATUS:"; cat "$WORK/first-close.json"; exit 1; fi
tail -n +2 "$WORK/all-open.txt" >"$WORK/open.txt"
OPEN=$(wc -l <"$WORK/open.txt")
cat >"$WORK/close.lua" <<LUA
local ids = {}
for line in io.lines("$WORK/open.txt") do ids[#ids + 1] = line end
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
end
local next_id
function init(args)
  next_id = index
end
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["If-Match"] = '"0"'
wrk.body = '$BODY'
function request()
  local id = ids[next_id] or ids[1]
  next_id = next_id + 2
  return wrk.format(nil, "/api/v1/workspaces/$WS/deals/" .. id .. "/close")
end
function response(status, headers, body)
  if next_id > #ids then wrk.thread:stop() end -- every OPEN deal closed: stop rather than send repeats
end
LUA
CLOSE_SECS=$SECONDS_EACH
row "POST a LOST close with its analysis" "$(measure "/" "$CLOSE_SECS" -s "$WORK/close.lua")" "$OPEN OPEN deals to close"

JVM_RSS=$(ps -o rss= -p "$SERVICE_PID" | awk '{printf "%.0f", $1 / 1024}')
PG_PID=$(head -1 "$DIR/pg/postmaster.pid")
PG_PSS=$(for p in $PG_PID $(pgrep -P "$PG_PID"); do grep '^Pss:' "/proc/$p/smaps_rollup" 2>/dev/null; done \
  | awk '{s += $2} END {printf "%.0f", s / 1024}')
echo "| resident memory after the load | | | | | JVM $JVM_RSS MB (RSS); PostgreSQL $PG_PSS MB (PSS of all its processes: shared memory counted once) |"

# Restart on the same data directory, started as before.
kill -TERM -- "-$SERVICE_PID"
for _ in $(seq 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
RESTART=$(date +%s.%N)
DEBRIEF_DATA_DIR="$DIR/pg" PORT="$PORT" DEBRIEF_RATE_LIMIT_PER_MINUTE=100000000 setsid java @jvm.options -jar "$JAR" >"$LOG.2" 2>&1 &
SERVICE_PID=$!
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do
  kill -0 "$SERVICE_PID" 2>/dev/null || { echo "the restart failed:"; tail -30 "$LOG.2"; exit 1; }
  sleep 0.05
done
echo "| restart to ready on the same data directory | | | | | $(awk -v a="$RESTART" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}') s |"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
