#!/usr/bin/env bash
# CSV export benchmark: throughput and JVM heap while streaming N deals.
# Starts the built service (./mvnw -B -ntp -o install -DskipTests first) on a fresh data directory
# with a small heap and a GC log, seeds N deals with SQL (bench/SeedExportDeals.java), exports them
# over HTTP to /dev/null and reports rows/s and the heap after each GC during the export.
#
# Usage: bench/export-bench.sh [deals=1000000] [heap=64m]
set -euo pipefail
cd "$(dirname "$0")/.."
DEALS=${1:-1000000}
HEAP=${2:-64m}
JAR=bootstrap/target/quarkus-app/quarkus-run.jar
DRIVER=$(ls bootstrap/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar)
WORK=$(mktemp -d /tmp/export-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

DEBRIEF_DATA_DIR=$WORK/data PORT=$PORT DEBRIEF_RATE_LIMIT_PER_MINUTE=100000000 \
  java -Xmx$HEAP -Xlog:gc:file=$WORK/gc.log -jar $JAR >$WORK/service.log 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q "Listening on" $WORK/service.log 2>/dev/null && break
  sleep 1
done
KEY=$(grep -o 'dbk_[A-Za-z0-9_-]*' $WORK/service.log | head -1)
DB_PORT=$(grep -o 'embedded PostgreSQL on 127.0.0.1:[0-9]*' $WORK/service.log | head -1 | sed 's/.*://')
WS=$(curl -sf -H "Authorization: Bearer $KEY" http://127.0.0.1:$PORT/api/v1/me \
  | grep -o '"workspaces":\[{"id":"[^"]*"' | sed 's/.*"id":"//; s/"//')
echo "service pid $SERVICE, port $PORT, database port $DB_PORT, workspace $WS, -Xmx$HEAP, work dir $WORK"

PGPASSWORD=$(cat $WORK/data/superuser.password) java -cp "$DRIVER" bench/SeedExportDeals.java "jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" "$WS" "$DEALS"

EXPORT=http://127.0.0.1:$PORT/api/v1/workspaces/$WS/deals/export
curl -sf -H "Authorization: Bearer $KEY" "$EXPORT?q=Deal%2042" -o /dev/null   # warm-up: a small export
GC_BEFORE=$(wc -l <$WORK/gc.log)
OUT=$(curl -sf -H "Authorization: Bearer $KEY" "$EXPORT" -o $WORK/export.csv -w '%{http_code} %{time_total} %{size_download}')
read -r STATUS TOTAL BYTES <<<"$OUT"
LINES=$(tr -cd '\r' <$WORK/export.csv | wc -c)   # records end with CRLF; quoted cells may hold LF
ROWS=$((LINES - 1))
echo "export: HTTP $STATUS, $ROWS rows, $BYTES bytes in ${TOTAL}s = $(python3 -c "print(f'{$ROWS/$TOTAL:,.0f}')") rows/s"
tail -n +$((GC_BEFORE + 1)) $WORK/gc.log | python3 -c '
import re, sys
after = [int(m.group(2)) for m in (re.search(r"(\d+)M->(\d+)M\(\d+M\)", l) for l in sys.stdin) if m]
if after:
    print(f"GCs during the export: {len(after)}; heap after GC: max {max(after)} MB, median {sorted(after)[len(after)//2]} MB, last {after[-1]} MB")
'
grep -o 'Using [A-Za-z0-9]*' $WORK/gc.log | head -1
rm -f $WORK/export.csv
