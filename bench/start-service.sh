# Sourced by the benchmark scripts (run from the repository root): builds the service only when its jar is
# missing, starts it on a fresh temporary data directory and a free port with the rate limit lifted, waits
# until it is ready, and sets JAR, PGJAR, DIR, PORT, LOG, SERVICE_PID, KEY (the first-run admin key) and
# PGPORT (the embedded PostgreSQL's). On exit it stops the service and its PostgreSQL and deletes the data
# (KEEP_DATA=1 keeps it; a failed run always does). BENCH_NAME names the temporary directory.
JAR=bootstrap/target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ]; then
  ./mvnw -B -ntp -o install -DskipTests
fi
PGJAR=$(ls bootstrap/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -1)

DIR=$(mktemp -d "/tmp/debrief-${BENCH_NAME:-bench}.XXXXXX")
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
  setsid java @jvm.options -jar "$JAR" >"$LOG" 2>&1 &
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
