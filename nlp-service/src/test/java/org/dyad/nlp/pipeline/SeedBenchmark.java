package org.dyad.nlp.pipeline;

import java.util.List;
import org.dyad.contracts.EntityMention;

/**
 * Benchmark harness (not a test): prints the model load time, the heap after loading and the time to enrich
 * the seeds. Run it with the module's test classpath and {@code -Xmx3g}; pass {@code -v} to print every mention.
 */
public final class SeedBenchmark {

    private SeedBenchmark() {
    }

    public static void main(String[] args) {
        boolean verbose = args.length > 0 && args[0].equals("-v");
        long t0 = System.nanoTime();
        CoreNlpPipeline pipeline = new CoreNlpPipeline("bench");
        long loadMillis = (System.nanoTime() - t0) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        System.out.printf("model load: %d ms, heap used after GC: %d MB%n", loadMillis, heapMb);
        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            int chars = 0;
            int mentions = 0;
            for (String name : Seed.ALL) {
                Seed seed = Seed.read(name);
                List<EntityMention> found = pipeline.parse(seed.text(), seed.publishedAt()).mentions();
                chars += seed.text().length();
                mentions += found.size();
                if (verbose && round == 1) {
                    System.out.println("== " + name);
                    found.forEach(m -> System.out.printf("  %-18s %-40s %-30s [%d,%d) s%d%n", m.type(), m.entityId(),
                            m.text(), m.start(), m.end(), m.sentence()));
                }
            }
            System.out.printf("round %d: %d seeds, %d chars, %d mentions in %d ms%n", round, Seed.ALL.length, chars,
                    mentions, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
