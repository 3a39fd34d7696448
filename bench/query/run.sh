#!/usr/bin/env bash
# Read-model benchmark of query-service against a real PostgreSQL (embedded zonky server, or --jdbc=URL).
# From the repo root: bench/query/run.sh [--articles=100000] [--threads=2] [--iterations=300] [--seeds=seeds]
#                                        [--work=.dyad/bench-query] [--jdbc=jdbc:postgresql://...]
#                                        [--measure-at=20000,100000]  (load to each size in turn, measure at each)
# The loaded corpus is kept in --work/pg and grown, never reloaded, by the next run.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
"$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
OUT=".dyad/bench-query/classes"
mkdir -p "$OUT" .dyad/tmp
# compile only (never install): the service's ReadModelStore and query classes are what is measured
mvn -B -q -o compile -pl query-service -am -Ddyad.home="$PWD/.dyad" >/dev/null
mvn -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -pl query-service \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/.dyad/bench-query/cp.txt" >/dev/null
# the reactor's own classes first: the snapshots in ~/.m2 may be older than this checkout
CP="query-service/target/classes:contracts/target/classes:$(tr ':' '\n' < .dyad/bench-query/cp.txt | grep -v '/org/dyad/' | paste -sd:)"
"$JAVA_HOME/bin/javac" --release 21 -nowarn -d "$OUT" -cp "$CP" bench/query/QueryBench.java
exec "$JAVA_HOME/bin/java" -Xmx2g -Djava.io.tmpdir="$PWD/.dyad/tmp" -cp "$OUT:$CP" QueryBench "$@"
