#!/usr/bin/env bash
# Insight latency on one database holding a big and a small workspace, beside the raw SQL of the loss
# breakdown (bench/loss-breakdown-baseline.sql) in the same run.
#
#   bench/insights-bench.sh [bigDeals=1000000] [smallDeals=20000] [requests=100] [runs=3]
#
# Several runs of the calls on the same data (each call its own period and filter); the last also prints
# EXPLAIN (ANALYZE, BUFFERS) of the anchor and of the service's statement on the big workspace.
#
# Starts the built service on a fresh temporary data directory, seeds the first-run workspace with
# bigDeals and a second workspace (created through the API with a local person's token) with smallDeals
# straight in SQL (bench/SeedInsightDeals.java), then runs bench/InsightsBench.java.
set -euo pipefail
cd "$(dirname "$0")/.."
BIG=${1:-1000000}
SMALL=${2:-20000}
REQUESTS=${3:-100}
RUNS=${4:-3}

BENCH_NAME=insights-bench
. bench/start-service.sh
API="http://127.0.0.1:$PORT/api/v1"
BIG_WS=$(curl -sf -H "Authorization: Bearer $KEY" "$API/me" | grep -o '"workspaces":\[{"id":"[^"]*"' | sed 's/.*"id":"//; s/"//')
TOKEN=$(DEBRIEF_DATA_DIR="$DIR/pg" java -jar "$JAR" token bench@example.com)
SMALL_WS=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"Small","timeZone":"Europe/Berlin","defaultCurrency":"EUR"}' "$API/workspaces" | grep -o '^{"id":"[^"]*"' | sed 's/.*"id":"//; s/"//')
SMALL_KEY=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"bench","scopes":["admin"]}' "$API/workspaces/$SMALL_WS/api-keys" | grep -o 'dbk_[A-Za-z0-9_-]*' | head -1)
export PGPASSWORD=$(cat "$DIR/pg/superuser.password")
JDBC="jdbc:postgresql://127.0.0.1:$PGPORT/postgres"
java -cp "$PGJAR" bench/SeedInsightDeals.java "$JDBC" "$BIG_WS" "$BIG"
java -cp "$PGJAR" bench/SeedInsightDeals.java "$JDBC" "$SMALL_WS" "$SMALL"
for RUN in $(seq "$RUNS"); do
  echo "run $RUN, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$RUN" = "$RUNS" ]; then export EXPLAIN=1; fi
  java -cp "$PGJAR" bench/InsightsBench.java "http://127.0.0.1:$PORT" "$JDBC" "$REQUESTS" \
    "big($BIG)=$KEY,$BIG_WS" "small($SMALL)=$SMALL_KEY,$SMALL_WS"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
