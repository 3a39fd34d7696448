#!/usr/bin/env bash
# NLP benchmarks of nlp-service, Dyad's pipeline against CoreNLP's default `ner` pipeline in the same run:
#   quality  NER P/R/F1 on CoNLL-2003 testb, CoNLL++ and re3d (strict and lenient)
#   speed    tokens/s and articles/s, 1 and 2 threads; heap after GC (Dyad run in a 1.5 GB heap); scaling with
#            worker threads and with two instances sharing the articles (as two JVMs of one consumer group)
# From the repo root: bench/nlp/run.sh [quality|speed|all]      (default: all; not part of ./dyad test)
# Evaluation data is read from ../shared/eval (DYAD_EVAL to change), never copied into the repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
WHAT="${1:-all}"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
"$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' || JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
EVAL="${DYAD_EVAL:-../shared/eval}"
SEEDS=nlp-service/src/test/resources/seeds
[ -f "$EVAL/ner/re3d-gold.jsonl" ] || { echo "no evaluation data in $EVAL (set DYAD_EVAL)" >&2; exit 2; }
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

echo "# building nlp-service and the benchmark classpath"
mvn -B -o -q -pl nlp-service -am compile dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" \
  -Dmdep.includeScope=runtime -Ddyad.home="$PWD/.dyad" >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }
CP="nlp-service/target/classes:$(cat "$OUT/cp.txt")"
"$JAVA_HOME/bin/javac" -nowarn -d "$OUT" -cp "$CP" bench/nlp/src/*.java
CP="$OUT:$CP"
echo "# CP = bench classes, nlp-service/target/classes and its runtime dependencies (mvn dependency:build-classpath)"
LOG=(-Djava.util.logging.manager=org.jboss.logmanager.LogManager)
# prints each command as run, with the (long) classpath shown as $CP
run() { local shown="$*"; echo; echo "\$ ${shown//"$CP"/\$CP}"; "$@"; }

if [ "$WHAT" = quality ] || [ "$WHAT" = all ]; then
  run "$JAVA" -Xmx5g "${LOG[@]}" -cp "$CP" NerQualityBench "$EVAL" 2>"$OUT/quality.err" || { tail -20 "$OUT/quality.err"; exit 1; }
fi

if [ "$WHAT" = speed ] || [ "$WHAT" = all ]; then
  ROUNDS="${ROUNDS:-1}"
  run "$JAVA" -Xmx1536m "${LOG[@]}" -cp "$CP" NlpSpeedBench dyad "$SEEDS" "$EVAL" "$ROUNDS" 1 2 2>"$OUT/dyad.err" | tee "$OUT/dyad.out"
  run "$JAVA" -Xmx3g "${LOG[@]}" -cp "$CP" NlpSpeedBench baseline "$SEEDS" "$EVAL" "$ROUNDS" 1 2 2>"$OUT/base.err" | tee "$OUT/base.out"
  echo
  echo "\$ java -Xmx1536m -cp \$CP NlpSpeedBench dyad $SEEDS $EVAL $ROUNDS 1 --shard 0/2 & (same with --shard 1/2) &"
  echo "# two Dyad instances at once, one thread each, each taking every other article (a consumer group of two)"
  for i in 0 1; do
    "$JAVA" -Xmx1536m "${LOG[@]}" -cp "$CP" NlpSpeedBench dyad "$SEEDS" "$EVAL" "$ROUNDS" 1 --shard "$i/2" \
      >"$OUT/shard$i.out" 2>"$OUT/shard$i.err" &
  done
  wait
  cat "$OUT/shard0.out" "$OUT/shard1.out" | grep RESULT
  echo
  echo "== speed summary (tokens/s; ratio to the baseline with the same threads)"
  cat "$OUT/dyad.out" "$OUT/base.out" "$OUT/shard0.out" "$OUT/shard1.out" | grep RESULT | awk '
    { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      key = $2 "/" v["threads"] "/" v["shard"]; tps[key] = v["tokens/s"]; aps[key] = v["articles/s"]
      if (v["shard"] != "0/1") { gt += v["tokens"]; ga += v["articles"]; if (v["seconds"] > gs) gs = v["seconds"] } }
    END {
      for (t = 1; t <= 2; t++) {
        d = tps["dyad/" t "/0/1"]; b = tps["baseline/" t "/0/1"]
        printf "%d thread(s): Dyad %8.0f tokens/s %6.2f articles/s | baseline %8.0f tokens/s %6.2f articles/s | x%.1f\n",
          t, d, aps["dyad/" t "/0/1"], b, aps["baseline/" t "/0/1"], d / b }
      printf "Dyad scaling: 1 thread %.0f, 2 threads %.0f (x%.2f), 2 instances x 1 thread %.0f tokens/s (x%.2f)\n",
        tps["dyad/1/0/1"], tps["dyad/2/0/1"], tps["dyad/2/0/1"] / tps["dyad/1/0/1"], gt / gs, (gt / gs) / tps["dyad/1/0/1"]
    }'
  echo "(the machine has $(nproc) cores, shared with other work: ratios measured in one run are what counts)"
fi
