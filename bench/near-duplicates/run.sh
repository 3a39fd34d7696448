#!/usr/bin/env bash
# Compiles the dedup core of ingest-service with the bench (plain javac, no Maven or Quarkus: the core is
# framework-free) and runs it. From the repo root: bench/near-duplicates/run.sh [random-seed]
set -euo pipefail
cd "$(dirname "$0")/../.."
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
[ -x "$JAVA_HOME/bin/javac" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' \
  || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
LSH="$HOME/.m2/repository/info/debatty/java-lsh/0.12/java-lsh-0.12.jar"
[ -f "$LSH" ] || mvn -q dependency:get -Dartifact=info.debatty:java-lsh:0.12
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
"$JAVA_HOME/bin/javac" --release 21 -d "$OUT" -cp "$LSH" \
  ingest-service/src/main/java/org/dyad/ingest/dedup/*.java bench/near-duplicates/NearDuplicateBench.java
exec "$JAVA_HOME/bin/java" -cp "$OUT:$LSH" NearDuplicateBench "$@"
