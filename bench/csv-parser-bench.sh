#!/usr/bin/env bash
# The CSV libraries considered for the import, side by side (bench/CsvParserBench.java).
# Usage: bench/csv-parser-bench.sh [rows=100000] [warmups=5] [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
LIB=$(mktemp -d /tmp/csv-parser-bench.XXXXXX)
trap 'rm -rf "$LIB"' EXIT
for artifact in de.siegmar:fastcsv:4.2.0 org.apache.commons:commons-csv:1.14.1 commons-io:commons-io:2.20.0 commons-codec:commons-codec:1.19.0; do
  ./mvnw -B -ntp -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$LIB"
done
java -Xmx256m -cp "$(ls "$LIB"/*.jar | tr '\n' ':')" bench/CsvParserBench.java "$@"
