#!/usr/bin/env bash
# Database outage drill: light load (2 writers, 2 readers, a readiness probe) while PostgreSQL is
# (a) stopped for 20 s and started again, then (b) hung (SIGSTOP to all its processes) for 20 s and
# continued. The service is never restarted (bench/OutageDrill.java).
#
#   bench/outage-drill.sh [embedded|external]
#
# DRILL_OUTAGE_SECONDS (20) and DRILL_MAX_LATENCY (16: the slowest answer allowed, in seconds: DEBRIEF_DB_SOCKET_TIMEOUT + 1) tune it.
# The working directory (logs, data) is removed on PASS, kept on FAIL.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/drill-postgres.sh

MODE=${1:-embedded}
JAR=bootstrap/target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || { echo "no $JAR: build it first with ./mvnw -B -ntp package -DskipTests"; exit 2; }

DIR=$(mktemp -d /tmp/debrief-outage-drill.XXXXXX)
chmod 755 "$DIR"
trap external_pg_stop EXIT
javac -d "$DIR/classes" bench/DrillSupport.java bench/OutageDrill.java

echo "== outage drill, $MODE database; $(uptime)"
case "$MODE" in
  embedded) args=() ;;
  external) external_pg_start "$DIR"; args=("$PG_URL" "$PG_USER" "$PG_PASSWORD")
            export DRILL_PG_DATA=$PG_DATA DRILL_PG_CTL=$PG_CTL ;;
  *) echo "mode: embedded or external"; exit 2 ;;
esac

if java -cp "$DIR/classes" OutageDrill "$JAR" "$DIR" "$MODE" "${args[@]}"; then
  external_pg_stop
  rm -rf "$DIR"
else
  echo "FAILED; logs and data kept in $DIR"
  exit 1
fi
