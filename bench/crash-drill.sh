#!/usr/bin/env bash
# Crash drill for partner ingest: kill -9 the service and its embedded PostgreSQL in the middle of
# concurrent batch pushes, restart on the same data directory, retry, verify.
#
#   bench/crash-drill.sh [runs=3] [clients=4] [batchesPerClient=30] [batchSize=200]
#
# Each run uses a fresh temporary data directory (kept on failure) and a random crash moment; the
# seed is printed so a run can be repeated with bench/CrashDrill.java directly.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=bootstrap/target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ]; then
  ./mvnw -B -ntp -o install -DskipTests
fi
PGJAR=$(ls bootstrap/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -1)
RUNS=${1:-3}
shift || true

failed=0
for run in $(seq "$RUNS"); do
  DIR=$(mktemp -d /tmp/debrief-crash-drill.XXXXXX)
  echo "== run $run (data in $DIR/pg)"
  if java -cp "$PGJAR" bench/CrashDrill.java "$JAR" "$DIR/pg" "$@"; then
    rm -rf "$DIR"
  else
    echo "run $run FAILED; logs and data kept in $DIR"
    failed=1
  fi
done
exit $failed
