package org.dyad.nlp.analysis;

import java.util.ArrayList;
import java.util.List;
import org.dyad.nlp.pipeline.CoreNlpPipeline;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Seed;

/**
 * What the analysers cost next to the engine, in the same run: the seeds are parsed by the engine (the baseline),
 * then analysed again and again from those parses. Prints figures; asserts nothing.
 *
 * <pre>
 * mvn -o -q -pl contracts,nlp-service -am test-compile
 * mvn -o -q -pl nlp-service dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx3g -cp contracts/target/classes:nlp-service/target/test-classes:nlp-service/target/classes:$(cat /tmp/cp.txt) \
 *   org.dyad.nlp.analysis.AnalysisBenchmark [analysis rounds, 500] [engine rounds, 3]
 * </pre>
 */
public final class AnalysisBenchmark {

    private AnalysisBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int engineRounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        CoreNlpPipeline pipeline = new CoreNlpPipeline("bench");
        List<Seed> seeds = new ArrayList<>();
        for (String name : Seed.ALL) {
            seeds.add(Seed.read(name));
        }
        List<ParsedText> parsed = new ArrayList<>();
        seeds.forEach(s -> parsed.add(pipeline.parse(s.text(), s.publishedAt()))); // also the warm-up
        long parseStart = System.nanoTime();
        for (int i = 0; i < engineRounds; i++) {
            seeds.forEach(s -> pipeline.parse(s.text(), s.publishedAt()));
        }
        double parseMs = (System.nanoTime() - parseStart) / 1e6 / (engineRounds * (double) seeds.size());
        int tokens = parsed.stream().mapToInt(p -> p.tokens().size()).sum();

        ArticleAnalyser analyser = new ArticleAnalyser();
        for (int i = 0; i < rounds / 5 + 1; i++) {
            parsed.forEach(analyser::analyse); // warm-up
        }
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            parsed.forEach(analyser::analyse);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double analysisMs = seconds * 1000 / (rounds * (double) parsed.size());
        System.out.printf("seeds: %d articles, %d tokens; engine %d rounds, analysis %d rounds, one thread%n",
                parsed.size(), tokens, engineRounds, rounds);
        System.out.printf("engine parse (baseline): %8.2f ms/article  %,10.0f tokens/s%n", parseMs,
                tokens / (parseMs * parsed.size() / 1000));
        System.out.printf("analysis alone:          %8.2f ms/article  %,10.0f tokens/s%n", analysisMs,
                rounds * (double) tokens / seconds);
        System.out.printf("analysis / engine time:  %8.1f %%%n", 100 * analysisMs / parseMs);
    }
}
