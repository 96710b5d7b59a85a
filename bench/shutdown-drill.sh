#!/usr/bin/env bash
# Shutdown drill: clients keep writing (single creates, partner batches) over keep-alive HTTP/1.1;
# SIGTERM goes to the service's JVM; the clients go on until it has exited; the service starts again
# on the same database and every write is looked up through the API (bench/ShutdownDrill.java).
#
#   bench/shutdown-drill.sh [embedded|external] [clients=4] [seconds-before-SIGTERM=10]
#
# embedded: the service's own PostgreSQL, in a temporary DEBRIEF_DATA_DIR.
# external: a PostgreSQL 15 this script starts (initdb with a password, a free port on 127.0.0.1)
#           and stops at the end; the service gets QUARKUS_DATASOURCE_* and DEBRIEF_EMBEDDED_DB=false.
# D and T are the service's defaults (3 s, 5 s) unless DRILL_SHUTDOWN_DELAY / DRILL_SHUTDOWN_TIMEOUT
# (seconds) say otherwise. The working directory (logs, data) is removed on PASS, kept on FAIL.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/drill-postgres.sh

MODE=${1:-embedded}
CLIENTS=${2:-4}
BEFORE=${3:-10}
JAR=bootstrap/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "no $JAR: build it first with ./mvnw -B -ntp package -DskipTests"; exit 2; }

DIR=$(mktemp -d /tmp/debrief-shutdown-drill.XXXXXX)
chmod 755 "$DIR"
trap external_pg_stop EXIT
javac -d "$DIR/classes" bench/DrillSupport.java bench/ShutdownDrill.java

echo "== shutdown drill, $MODE database, $CLIENTS clients, SIGTERM after $BEFORE s; $(uptime)"
case "$MODE" in
  embedded) args=() ;;
  external) external_pg_start "$DIR"; args=("$PG_URL" "$PG_USER" "$PG_PASSWORD") ;;
  *) echo "mode: embedded or external"; exit 2 ;;
esac

if java -cp "$DIR/classes" ShutdownDrill "$JAR" "$DIR" "$MODE" "$CLIENTS" "$BEFORE" "${args[@]}"; then
  external_pg_stop
  rm -rf "$DIR"
else
  echo "FAILED; logs and data kept in $DIR"
  exit 1
fi
