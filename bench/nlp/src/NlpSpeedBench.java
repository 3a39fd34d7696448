import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.dyad.nlp.pipeline.CoreNlpPipeline;

/**
 * Throughput of one pipeline over a corpus of news articles (the four seeds and the 98 re3d documents, read from
 * {@code ../shared/eval}): tokens/s and articles/s with 1..N threads sharing one instance, and the heap used after
 * GC with the models loaded. Usage: {@code NlpSpeedBench dyad|baseline <seeds-dir> <eval-dir> <rounds> <threads...>
 * [--shard i/n]}; a shard processes every n-th article only, as one instance of a consumer group would.
 */
public final class NlpSpeedBench {

    private NlpSpeedBench() {
    }

    public static void main(String[] args) throws Exception {
        String which = args[0];
        List<String[]> corpus = corpus(Path.of(args[1]), Path.of(args[2]));
        int rounds = Integer.parseInt(args[3]);
        List<Integer> threads = new ArrayList<>();
        int shard = 0;
        int shards = 1;
        for (int i = 4; i < args.length; i++) {
            if (args[i].equals("--shard")) {
                String[] s = args[++i].split("/");
                shard = Integer.parseInt(s[0]);
                shards = Integer.parseInt(s[1]);
            } else {
                threads.add(Integer.parseInt(args[i]));
            }
        }
        if (shards > 1) {
            List<String[]> mine = new ArrayList<>();
            for (int i = shard; i < corpus.size(); i += shards) {
                mine.add(corpus.get(i));
            }
            corpus = mine;
        }
        long t0 = System.nanoTime();
        ToIntFunction<String[]> pipeline = pipeline(which);
        long load = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
        System.out.printf("%s: loaded in %d ms, heap used after GC %d MB (max %d MB), %d articles%n", which, load, heap,
                rt.maxMemory() >> 20, corpus.size());
        // warm-up: JIT and the lazily built parts of the models
        for (String[] a : corpus.subList(0, Math.min(10, corpus.size()))) {
            pipeline.applyAsInt(a);
        }
        for (int n : threads) {
            long tokens = 0;
            long articles = 0;
            long nanos = 0;
            for (int r = 0; r < rounds; r++) {
                long[] result = run(pipeline, corpus, n);
                tokens += result[0];
                articles += corpus.size();
                nanos += result[1];
            }
            double s = nanos / 1e9;
            System.gc();
            long used = (rt.totalMemory() - rt.freeMemory()) >> 20;
            System.out.printf("RESULT %s threads=%d shard=%d/%d tokens=%d articles=%d seconds=%.2f tokens/s=%.0f "
                    + "articles/s=%.2f heapAfterGC=%dMB%n", which, n, shard, shards, tokens, articles, s, tokens / s,
                    articles / s, used);
        }
    }

    private static long[] run(ToIntFunction<String[]> pipeline, List<String[]> corpus, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<Long>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            parts.add(pool.submit(() -> {
                long tokens = 0;
                for (int i = next.getAndIncrement(); i < corpus.size(); i = next.getAndIncrement()) {
                    tokens += pipeline.applyAsInt(corpus.get(i));
                }
                return tokens;
            }));
        }
        long tokens = 0;
        for (Future<Long> f : parts) {
            tokens += f.get();
        }
        long nanos = System.nanoTime() - start;
        pool.shutdown();
        return new long[] {tokens, nanos};
    }

    /** {text, publication date or ""} to the number of tokens, with the named pipeline. */
    private static ToIntFunction<String[]> pipeline(String which) {
        if (which.equals("dyad")) {
            CoreNlpPipeline dyad = new CoreNlpPipeline("bench");
            return a -> dyad.parse(a[0], a[1].isEmpty() ? null : LocalDate.parse(a[1])).tokens().size();
        }
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        props.setProperty("ssplit.newlineIsSentenceBreak", "always");
        StanfordCoreNLP corenlp = new StanfordCoreNLP(props);
        return a -> {
            Annotation doc = new Annotation(a[0]);
            if (!a[1].isEmpty()) {
                doc.set(CoreAnnotations.DocDateAnnotation.class, a[1]);
            }
            corenlp.annotate(doc);
            return doc.get(CoreAnnotations.TokensAnnotation.class).size();
        };
    }

    private static List<String[]> corpus(Path seeds, Path eval) throws Exception {
        List<String[]> corpus = new ArrayList<>();
        try (var files = Files.list(seeds)) {
            for (Path p : files.sorted().toList()) {
                String raw = Files.readString(p);
                var m = java.util.regex.Pattern.compile("^ date (\\d{4}-\\d{2}-\\d{2}) ").matcher(raw);
                corpus.add(m.find() ? new String[] {raw.substring(m.end()), m.group(1)} : new String[] {raw, ""});
            }
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(eval.resolve("ner/re3d-gold.jsonl"))) {
            corpus.add(new String[] {json.readTree(line).get("text").asText(), ""});
        }
        return corpus;
    }
}
