#!/usr/bin/env bash
# Insight latency on one database holding a big and a small workspace, beside the raw SQL of the loss
# breakdown (bench/loss-breakdown-baseline.sql) in the same run.
#
#   bench/insights-bench.sh [bigDeals=1000000] [smallDeals=20000] [requests=100]
#
# Three runs of the calls on the same data (each call its own period and filter); the third also prints
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

JAR=bootstrap/target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ]; then
  ./mvnw -B -ntp -o install -DskipTests
fi
PGJAR=$(ls bootstrap/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -1)

DIR=$(mktemp -d /tmp/debrief-insights-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $((20000 + RANDOM % 20000)))
LOG="$DIR/service.log"

stop() {
  status=$?
  if [ -n "${SERVICE_PID:-}" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill -TERM -- "-$SERVICE_PID" 2>/dev/null || true   # the JVM's group; DebriefMain stops PostgreSQL after Quarkus
    for _ in $(seq 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$SERVICE_PID" 2>/dev/null || true
  fi
  # pg_ctl starts PostgreSQL in a session of its own: make sure it is gone too
  if [ -f "$DIR/pg/postmaster.pid" ]; then
    PGPID=$(head -1 "$DIR/pg/postmaster.pid")
    if [ -n "$PGPID" ] && ps -p "$PGPID" -o args= 2>/dev/null | grep -q "$DIR/pg"; then
      kill -TERM "$PGPID" 2>/dev/null || true
      sleep 2
      kill -KILL "$PGPID" 2>/dev/null || true
    fi
  fi
  if [ "${KEEP_DATA:-0}" != 1 ] && [ "$status" = 0 ]; then rm -rf "$DIR"; else echo "service log and data kept in $DIR"; fi
}
trap stop EXIT

echo "Service on port $PORT, data in $DIR/pg (log: $LOG)"
DEBRIEF_DATA_DIR="$DIR/pg" PORT="$PORT" DEBRIEF_RATE_LIMIT_PER_MINUTE=100000000 \
  setsid java -jar "$JAR" >"$LOG" 2>&1 &
SERVICE_PID=$!

for _ in $(seq 240); do
  if grep -q "Database: embedded PostgreSQL on" "$LOG" && grep -q "dbk_" "$LOG"; then break; fi
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then echo "the service did not start:"; tail -50 "$LOG"; exit 1; fi
  sleep 0.5
done
KEY=$(grep -o 'dbk_[A-Za-z0-9_-]*' "$LOG" | head -1)
PGPORT=$(grep -o 'embedded PostgreSQL on 127.0.0.1:[0-9]*' "$LOG" | head -1 | cut -d: -f2)
if [ -z "$KEY" ] || [ -z "$PGPORT" ]; then echo "no admin key or database port in the log"; tail -50 "$LOG"; exit 1; fi
echo "Embedded PostgreSQL on port $PGPORT"
for _ in $(seq 240); do curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break; sleep 0.5; done
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
for RUN in 1 2 3; do
  echo "run $RUN, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "$RUN" = 3 ]; then export EXPLAIN=1; fi
  java -cp "$PGJAR" bench/InsightsBench.java "http://127.0.0.1:$PORT" "$JDBC" "$REQUESTS" \
    "big($BIG)=$KEY,$BIG_WS" "small($SMALL)=$SMALL_KEY,$SMALL_WS"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
