#!/usr/bin/env bash
# Event coder bench: accuracy on the CAMEO table's example sentences and the speed of the enrichment with events
# against the entity-only parse, in the same run. From the repo root:
#   bench/events/run.sh [cameo|speed|all] [path to icews_cameo-codes.csv] [rounds]
# Needs the Maven repository with CoreNLP 4.5.10 + models (offline is fine) and ~3 GB of heap.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JAVA_HOME/bin/javac" ] || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
mvn -o -q -pl nlp-service -am test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" \
  -Dmdep.includeScope=test -Ddyad.home="$PWD/.dyad" >/dev/null
CP="nlp-service/target/test-classes:nlp-service/target/classes:$(cat "$OUT/cp.txt")"
"$JAVA_HOME/bin/javac" --release 21 -d "$OUT/classes" -cp "$CP" bench/events/EventsBench.java
CSV="${2:-../shared/data/cameo/icews_cameo-codes.csv}"
echo "command: bench/events/run.sh ${1:-all} $CSV ${3:-3}   ($(date -u +%FT%TZ), $(nproc) cores, $(git rev-parse --short HEAD))"
exec "$JAVA_HOME/bin/java" -Xmx3g -cp "$OUT/classes:$CP" org.dyad.nlp.events.EventsBench "${1:-all}" "$CSV" "${3:-3}" \
  2> >(grep -v -E 'LogManager|JBossLoggerFinder' >&2)
