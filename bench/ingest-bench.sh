#!/usr/bin/env bash
# Partner ingest throughput: the service against a raw SQL upsert of the same rows, in one run.
#
#   bench/ingest-bench.sh [items=100000] [batch=500] [clients=4] [updateShare=0.2] [warmupBatchesPerClient=4]
#
# Starts the built service (builds it with the README's command only when the jar is missing) on a
# fresh temporary data directory and a free port, reads the admin key and the embedded PostgreSQL
# port from its output, runs bench/IngestBench.java, and stops the service and its PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

BENCH_NAME=ingest-bench
. bench/start-service.sh

PGPASSWORD=$(cat "$DIR/pg/superuser.password") java -cp "$PGJAR" bench/IngestBench.java "http://localhost:$PORT" "$KEY" \
  "jdbc:postgresql://127.0.0.1:$PGPORT/postgres" "$@"
