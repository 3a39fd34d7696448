// Near-duplicate detector bench: builds a labelled set from the seed articles (originals, recombined
// same-topic articles, Markov-chain topical articles, and edited copies of each), runs the detector of
// ingest-service (org.dyad.ingest.dedup) as the service uses it (LSH band keys -> candidates -> estimated
// similarity >= threshold) and prints precision, recall and F1 per edit kind and overall for a sweep of
// thresholds, the LSH candidate recall, a comparison of shingle sizes and bandings, and the signing time.
//
//   bench/near-duplicates/run.sh [random-seed]        (from the repo root; default seed 42)
//
// run.sh compiles this file with the dedup sources and java-lsh (no Maven, no Quarkus) and runs it.
// Nothing here is asserted: it prints figures.
import info.debatty.java.lsh.MinHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dyad.ingest.dedup.NearDuplicateDetector;
import org.dyad.ingest.dedup.Shingles;
import org.dyad.ingest.dedup.Signature;

public class NearDuplicateBench {

    static final Pattern DATE_HEADER = Pattern.compile("^\\s*date \\d{4}-\\d{2}-\\d{2}\\s*");
    static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’]?)\\s+(?=[\"“‘']?[A-Z])");
    static final double[] SWEEP = {0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90};

    /** An article as paragraphs of sentences, so edits can work on sentences and paragraphs. */
    record Article(List<List<String>> paragraphs) {
        String text() {
            return String.join("\n\n", paragraphs.stream().map(p -> String.join(" ", p)).toList());
        }

        List<String> sentences() {
            return paragraphs.stream().flatMap(List::stream).toList();
        }

        Article copy() {
            return new Article(new ArrayList<>(paragraphs.stream().map(p -> (List<String>) new ArrayList<>(p)).toList()));
        }
    }

    /** One document of the set: family = index of the original it comes from; kind = "original" or the edit. */
    record Doc(int family, String baseKind, String kind, String text) {
    }

    record Counts(long tp, long fp, long fn) {
        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision(), r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        Counts plus(Counts o) {
            return new Counts(tp + o.tp, fp + o.fp, fn + o.fn);
        }
    }

    public static void main(String[] args) throws IOException {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42L;
        System.out.println("command: bench/near-duplicates/run.sh " + seed + "   (java " + System.getProperty("java.version")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
        Random random = new Random(seed);

        List<Article> seeds = readSeeds(Path.of("seeds"));
        List<String> pool = seeds.stream().flatMap(a -> a.sentences().stream()).toList();
        List<String> vocabulary = pool.stream().flatMap(s -> Arrays.stream(s.split("\\s+")))
                .filter(w -> w.matches(".*\\p{L}.*")).distinct().toList();

        // Originals: the four seeds, 40 recombinations of seed sentences, 40 bigram-chain articles.
        List<Article> bases = new ArrayList<>();
        List<String> baseKinds = new ArrayList<>();
        for (Article s : seeds) {
            bases.add(s);
            baseKinds.add("seed");
        }
        for (int i = 0; i < 40; i++) {
            bases.add(recombined(pool, random));
            baseKinds.add("recombined");
        }
        Markov markov = new Markov(pool);
        for (int i = 0; i < 40; i++) {
            bases.add(markov.article(random));
            baseKinds.add("markov");
        }

        Map<String, BiFunction<Article, Random, Article>> edits = new LinkedHashMap<>();
        for (int rate : new int[] {1, 5, 10, 20, 30}) {
            edits.put("words-" + rate + "%", (a, r) -> substitute(a, rate / 100.0, vocabulary, r));
        }
        edits.put("sentence-delete", (a, r) -> deleteSentences(a, 0.15, r));
        edits.put("sentence-insert", (a, r) -> insertSentences(a, 0.15, pool, r));
        edits.put("paragraph-reorder", NearDuplicateBench::reorder);
        edits.put("boilerplate+byline", NearDuplicateBench::boilerplate);
        edits.put("truncate-60%", (a, r) -> truncate(a, 0.60));
        edits.put("body-repeated", (a, r) -> repeated(a));
        edits.put("syndicated-mix", (a, r) -> truncate(deleteSentences(substitute(boilerplate(a, r), 0.02, vocabulary, r), 0.05, r), 0.85));

        List<Doc> docs = new ArrayList<>();
        for (int b = 0; b < bases.size(); b++) {
            docs.add(new Doc(b, baseKinds.get(b), "original", bases.get(b).text()));
        }
        for (int b = 0; b < bases.size(); b++) {
            for (var edit : edits.entrySet()) {
                docs.add(new Doc(b, baseKinds.get(b), edit.getKey(), edit.getValue().apply(bases.get(b).copy(), random).text()));
            }
        }
        int originals = bases.size();
        int copies = docs.size() - originals;
        double meanWords = docs.stream().mapToInt(d -> Shingles.words(d.text()).size()).average().orElse(0);
        System.out.printf(Locale.ROOT, "%nset: %d originals (4 seeds, 40 recombined from seed sentences, 40 bigram-chain topical), "
                + "%d edited copies (%d kinds x %d), %d documents, %.0f words on average%n",
                originals, copies, edits.size(), originals, docs.size(), meanWords);
        System.out.println("labels: a copy and its original (and two copies of one original) are near duplicates; "
                + "documents of different originals are not");

        NearDuplicateDetector detector = NearDuplicateDetector.standard();
        System.out.printf(Locale.ROOT, "detector: k=%d-word shingles, n=%d MinHash values, b=%d bands x r=%d rows, "
                + "default threshold %.2f%n", detector.shingleWords(), detector.signatureLength(), detector.bands(),
                detector.rows(), detector.threshold());

        Evaluation eval = Evaluation.run(detector, docs);
        List<String> kinds = new ArrayList<>(edits.keySet());

        // Exact Jaccard per kind (copy vs its original), for reading the figures.
        System.out.println("\n== exact Jaccard of a copy with its original (k=" + detector.shingleWords() + "), and estimate error ==");
        System.out.printf("%-20s %6s %6s %6s %10s%n", "kind", "min", "mean", "max", "|est-ex|");
        Map<Integer, Set<Integer>> shingleCache = new HashMap<>();
        for (String kind : kinds) {
            double min = 1, max = 0, sum = 0, err = 0;
            int n = 0;
            for (int i = originals; i < docs.size(); i++) {
                if (!docs.get(i).kind().equals(kind)) continue;
                int o = docs.get(i).family();
                double exact = MinHash.jaccardIndex(shingles(shingleCache, docs, i, detector.shingleWords()),
                        shingles(shingleCache, docs, o, detector.shingleWords()));
                min = Math.min(min, exact);
                max = Math.max(max, exact);
                sum += exact;
                err += Math.abs(exact - detector.similarity(eval.signatures[i], eval.signatures[o]));
                n++;
            }
            System.out.printf(Locale.ROOT, "%-20s %6.3f %6.3f %6.3f %10.3f%n", kind, min, sum / n, max, err / n);
        }
        double maxNegative = 0;
        for (int i = 0; i < originals; i++) {
            for (int j = i + 1; j < originals; j++) {
                maxNegative = Math.max(maxNegative, MinHash.jaccardIndex(shingles(shingleCache, docs, i, detector.shingleWords()),
                        shingles(shingleCache, docs, j, detector.shingleWords())));
            }
        }
        System.out.printf(Locale.ROOT, "highest exact Jaccard between two different originals: %.3f%n", maxNegative);

        // A: each copy against every original (the question the service asks when a copy arrives).
        System.out.println("\n== A. copy vs every original, LSH candidates then estimate >= t: recall per kind ==");
        System.out.printf("%-20s %8s", "kind", "LSH-cand");
        for (double t : SWEEP) System.out.printf(Locale.ROOT, " %5.2f", t);
        System.out.println();
        for (String kind : kinds) {
            System.out.printf(Locale.ROOT, "%-20s %8.3f", kind, eval.candidateRecallA(kind));
            for (double t : SWEEP) System.out.printf(Locale.ROOT, " %5.3f", eval.countsA(kind, t).recall());
            System.out.println();
        }
        System.out.println("\n== A. precision per kind (false positives = a copy matched to another original) ==");
        System.out.printf("%-20s", "kind");
        for (double t : SWEEP) System.out.printf(Locale.ROOT, " %5.2f", t);
        System.out.println();
        for (String kind : kinds) {
            System.out.printf("%-20s", kind);
            for (double t : SWEEP) System.out.printf(Locale.ROOT, " %5.3f", eval.countsA(kind, t).precision());
            System.out.println();
        }

        System.out.println("\n== overall, threshold sweep ==");
        System.out.println("A = copy vs originals (" + copies + " positives, " + (long) copies * (originals - 1) + " negatives); "
                + "B = all pairs of all documents (positives: same original; includes copy vs copy, e.g. truncated vs 30%-reworded)");
        System.out.printf("%5s | %6s %6s %6s %5s %5s | %6s %6s %6s %5s %5s%n", "t", "A-P", "A-R", "A-F1", "FP", "FN",
                "B-P", "B-R", "B-F1", "FP", "FN");
        double chosen = Double.NaN;
        double bestF1 = -1;
        for (double t : SWEEP) {
            Counts a = eval.countsA(null, t);
            Counts b = eval.countsB(t);
            System.out.printf(Locale.ROOT, "%5.2f | %6.3f %6.3f %6.3f %5d %5d | %6.3f %6.3f %6.3f %5d %5d%n", t,
                    a.precision(), a.recall(), a.f1(), a.fp(), a.fn(), b.precision(), b.recall(), b.f1(), b.fp(), b.fn());
            if (safe(t, eval) && a.f1() > bestF1 + 1e-9) {
                bestF1 = a.f1();
                chosen = t;
            }
        }
        System.out.printf(Locale.ROOT, "LSH candidate recall: A %.3f of copy/original pairs share a band; B %.3f of same-original pairs; "
                + "candidates that are not near duplicates: %d of %d negative pairs (%.4f%%)%n",
                eval.candidateRecallA(null), eval.candidateRecallB(), eval.negativeCandidates, eval.negativePairs,
                100.0 * eval.negativeCandidates / eval.negativePairs);
        System.out.printf(Locale.ROOT, "highest estimate of any negative candidate pair: %.3f%n", eval.maxNegativeEstimate);
        System.out.printf(Locale.ROOT, "chosen threshold (highest F1 on A among thresholds at least 3 standard errors of the estimate, "
                + "3*sqrt(t(1-t)/n), above every negative estimate): %.2f; detector default: %.2f%n", chosen, detector.threshold());
        System.out.printf(Locale.ROOT, "%n== A. per kind at the default threshold %.2f ==%n", detector.threshold());
        System.out.printf("%-20s %6s %6s %6s %5s %5s %5s%n", "kind", "P", "R", "F1", "TP", "FP", "FN");
        for (String kind : kinds) {
            Counts c = eval.countsA(kind, detector.threshold());
            System.out.printf(Locale.ROOT, "%-20s %6.3f %6.3f %6.3f %5d %5d %5d%n", kind, c.precision(), c.recall(), c.f1(), c.tp(), c.fp(), c.fn());
        }
        Counts atDefault = eval.countsA(null, detector.threshold());
        System.out.printf(Locale.ROOT, "%-20s %6.3f %6.3f %6.3f %5d %5d %5d%n", "all", atDefault.precision(), atDefault.recall(),
                atDefault.f1(), atDefault.tp(), atDefault.fp(), atDefault.fn());
        System.out.printf(Locale.ROOT, "at the default %.2f: A precision %.3f recall %.3f F1 %.3f; "
                        + "light edits only (everything but words-20%%/words-30%%): recall %.3f%n",
                detector.threshold(), atDefault.precision(), atDefault.recall(), atDefault.f1(),
                kinds.stream().filter(k -> !k.equals("words-20%") && !k.equals("words-30%"))
                        .map(k -> eval.countsA(k, detector.threshold())).reduce(new Counts(0, 0, 0), Counts::plus).recall());

        // Shingle size and banding alternatives, all on the same documents.
        System.out.println("\n== shingle size k (n=" + detector.signatureLength() + ", " + detector.bands() + "x"
                + detector.rows() + "): threshold by the same rule, its figures on A, "
                + "and the highest estimate of a negative pair ==");
        System.out.printf("%3s %6s %6s %6s %6s %8s%n", "k", "t", "P", "R", "F1", "max-neg");
        for (int k : new int[] {3, 4, 5, 6, 7}) {
            Evaluation e = Evaluation.run(new NearDuplicateDetector(k, detector.signatureLength(), detector.bands(),
                    detector.rows(), 0.5, NearDuplicateDetector.SEED), docs);
            double bestT = Double.NaN;
            Counts best = null;
            for (double t : SWEEP) {
                Counts c = e.countsA(null, t);
                if (safe(t, e) && (best == null || c.f1() > best.f1() + 1e-9)) {
                    best = c;
                    bestT = t;
                }
            }
            if (best == null) {
                System.out.printf(Locale.ROOT, "%3d   no threshold of the sweep is safe; max-neg %.3f%n", k, e.maxNegativeEstimate);
            } else {
                System.out.printf(Locale.ROOT, "%3d %6.2f %6.3f %6.3f %6.3f %8.3f%n", k, bestT, best.precision(), best.recall(),
                        best.f1(), e.maxNegativeEstimate);
            }
        }
        System.out.printf(Locale.ROOT, "%n== banding (k=%d, t=%.2f): LSH recall of copy/original pairs whose estimate >= t, "
                + "and negative candidate pairs (of %d) the database must verify ==%n", detector.shingleWords(), detector.threshold(),
                eval.negativePairs);
        System.out.printf("%10s %5s %12s %16s %10s%n", "b x r", "n", "S-midpoint", "recall(est>=t)", "neg-cands");
        for (int[] br : new int[][] {{64, 2}, {42, 3}, {32, 4}, {25, 5}, {20, 6}, {16, 8}}) {
            NearDuplicateDetector d = new NearDuplicateDetector(detector.shingleWords(), br[0], br[1], detector.threshold(), NearDuplicateDetector.SEED);
            Evaluation e = Evaluation.run(d, docs);
            System.out.printf(Locale.ROOT, "%10s %5d %12.3f %16.3f %10d%n", br[0] + " x " + br[1], br[0] * br[1],
                    Math.pow(1.0 / br[0], 1.0 / br[1]), e.candidateRecallAboveThreshold(d.threshold()), e.negativeCandidates);
        }
        System.out.printf(Locale.ROOT, "%n== fewer bands over the same %d-value signature (the estimate keeps all of them; "
                + "each band is a stored row an article and an index probe a look-up) ==%n", detector.signatureLength());
        System.out.printf("%10s %5s %12s %16s %10s%n", "b x r", "rows", "S-midpoint", "recall(est>=t)", "neg-cands");
        for (int[] br : new int[][] {{32, 4}, {24, 4}, {24, 3}, {20, 3}, {16, 3}, {12, 3}, {16, 2}, {12, 2}}) {
            NearDuplicateDetector d = new NearDuplicateDetector(detector.shingleWords(), detector.signatureLength(), br[0],
                    br[1], detector.threshold(), NearDuplicateDetector.SEED);
            Evaluation e = Evaluation.run(d, docs);
            System.out.printf(Locale.ROOT, "%10s %5d %12.3f %16.3f %10d%n", br[0] + " x " + br[1], br[0],
                    Math.pow(1.0 / br[0], 1.0 / br[1]), e.candidateRecallAboveThreshold(d.threshold()), e.negativeCandidates);
        }

        // Signing cost: shingles + MinHash + band keys for one article, after a warm-up.
        for (int round = 0; round < 3; round++) {
            for (Doc d : docs) detector.bandKeys(detector.signature(d.text()));
        }
        int rounds = 5;
        long sink = 0;
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (Doc d : docs) sink += detector.bandKeys(detector.signature(d.text()))[0];
        }
        double micros = (System.nanoTime() - start) / 1000.0 / (rounds * docs.size());
        System.out.printf(Locale.ROOT, "%n== time ==%nsignature + band keys: %.0f µs per article (%.0f words on average; one thread; %d articles x %d rounds after warm-up)%s%n",
                micros, meanWords, docs.size(), rounds, sink == 42 ? " " : "");
    }

    /** Signatures, band keys and the pair counts of one detector over the set. */
    static final class Evaluation {
        NearDuplicateDetector detector;
        List<Doc> docs;
        int originals;
        Signature[] signatures;
        Set<Long> candidatePairs = new HashSet<>();
        Map<Long, Double> similarity = new HashMap<>();
        long negativeCandidates;
        long negativePairs;
        double maxNegativeEstimate;

        static Evaluation run(NearDuplicateDetector detector, List<Doc> docs) {
            Evaluation e = new Evaluation();
            e.detector = detector;
            e.docs = docs;
            e.originals = (int) docs.stream().filter(d -> d.kind().equals("original")).count();
            e.signatures = new Signature[docs.size()];
            Map<Long, List<Integer>> index = new HashMap<>();
            for (int i = 0; i < docs.size(); i++) {
                e.signatures[i] = detector.signature(docs.get(i).text());
                for (long key : detector.bandKeys(e.signatures[i])) {
                    List<Integer> bucket = index.computeIfAbsent(key, x -> new ArrayList<>());
                    for (int j : bucket) {
                        e.candidatePairs.add(pair(j, i));
                    }
                    bucket.add(i);
                }
            }
            for (long p : e.candidatePairs) {
                int i = (int) (p >>> 32), j = (int) p;
                double s = detector.similarity(e.signatures[i], e.signatures[j]);
                e.similarity.put(p, s);
                if (docs.get(i).family() != docs.get(j).family()) {
                    e.negativeCandidates++;
                    e.maxNegativeEstimate = Math.max(e.maxNegativeEstimate, s);
                }
            }
            long n = docs.size();
            long positives = 0;
            Map<Integer, Long> perFamily = new HashMap<>();
            for (Doc d : docs) perFamily.merge(d.family(), 1L, Long::sum);
            for (long m : perFamily.values()) positives += m * (m - 1) / 2;
            e.negativePairs = n * (n - 1) / 2 - positives;
            return e;
        }

        static long pair(int i, int j) {
            int lo = Math.min(i, j), hi = Math.max(i, j);
            return ((long) lo << 32) | hi;
        }

        /** As the service decides: a candidate through LSH and an estimate at or above t. */
        boolean predicted(int i, int j, double t) {
            Double s = similarity.get(pair(i, j));
            return s != null && s >= t;
        }

        /** Copies of a kind (all kinds when null) against every original. */
        Counts countsA(String kind, double t) {
            long tp = 0, fp = 0, fn = 0;
            for (int c = originals; c < docs.size(); c++) {
                if (kind != null && !docs.get(c).kind().equals(kind)) continue;
                for (int o = 0; o < originals; o++) {
                    boolean positive = docs.get(c).family() == o;
                    boolean predicted = predicted(c, o, t);
                    if (predicted && positive) tp++;
                    else if (predicted) fp++;
                    else if (positive) fn++;
                }
            }
            return new Counts(tp, fp, fn);
        }

        double candidateRecallA(String kind) {
            long shared = 0, total = 0;
            for (int c = originals; c < docs.size(); c++) {
                if (kind != null && !docs.get(c).kind().equals(kind)) continue;
                total++;
                if (candidatePairs.contains(pair(c, docs.get(c).family()))) shared++;
            }
            return (double) shared / total;
        }

        double candidateRecallAboveThreshold(double t) {
            long shared = 0, total = 0;
            for (int c = originals; c < docs.size(); c++) {
                int o = docs.get(c).family();
                if (detector.similarity(signatures[c], signatures[o]) < t) continue;
                total++;
                if (candidatePairs.contains(pair(c, o))) shared++;
            }
            return (double) shared / total;
        }

        /** All pairs of all documents. */
        Counts countsB(double t) {
            long tp = 0, fp = 0, positives = 0;
            for (int i = 0; i < docs.size(); i++) {
                for (int j = i + 1; j < docs.size(); j++) {
                    if (docs.get(i).family() == docs.get(j).family()) positives++;
                }
            }
            for (var entry : similarity.entrySet()) {
                if (entry.getValue() < t) continue;
                int i = (int) (entry.getKey() >>> 32), j = (int) (long) entry.getKey();
                if (docs.get(i).family() == docs.get(j).family()) tp++;
                else fp++;
            }
            return new Counts(tp, fp, positives - tp);
        }

        double candidateRecallB() {
            long shared = 0, positives = 0;
            for (int i = 0; i < docs.size(); i++) {
                for (int j = i + 1; j < docs.size(); j++) {
                    if (docs.get(i).family() != docs.get(j).family()) continue;
                    positives++;
                    if (candidatePairs.contains(pair(i, j))) shared++;
                }
            }
            return (double) shared / positives;
        }
    }

    /**
     * The selection rule: no negative pair within 3 standard errors of the MinHash estimate below t, so an
     * unlucky estimate or a negative a little closer than the worst one seen here still stays apart.
     */
    static boolean safe(double t, Evaluation e) {
        double margin = 3 * Math.sqrt(t * (1 - t) / e.detector.signatureLength());
        return e.maxNegativeEstimate < t - margin;
    }

    static Set<Integer> shingles(Map<Integer, Set<Integer>> cache, List<Doc> docs, int i, int k) {
        return cache.computeIfAbsent(i, x -> Shingles.of(docs.get(x).text(), k));
    }

    // ---- the set ----

    static List<Article> readSeeds(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalStateException("no seeds in " + dir.toAbsolutePath() + ": run from the repo root");
        List<Article> articles = new ArrayList<>();
        for (Path file : files) {
            String text = DATE_HEADER.matcher(Files.readString(file)).replaceFirst("");
            List<List<String>> paragraphs = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (String line : text.split("\\n")) {
                String p = line.strip();
                if (p.isEmpty()) continue;
                // Seed 002 carries its body twice: keep the first copy of a long paragraph, as the cleaner does.
                if (p.split("\\s+").length >= 5 && !seen.add(p)) continue;
                paragraphs.add(new ArrayList<>(List.of(SENTENCE_END.split(p))));
            }
            articles.add(new Article(paragraphs));
        }
        return articles;
    }

    /** A same-topic article made of 10-22 sentences drawn from all seeds, in paragraphs of 1-3 sentences. */
    static Article recombined(List<String> pool, Random random) {
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, random);
        List<String> chosen = shuffled.subList(0, 10 + random.nextInt(13));
        return paragraphs(chosen, random);
    }

    static Article paragraphs(List<String> sentences, Random random) {
        List<List<String>> paragraphs = new ArrayList<>();
        int i = 0;
        while (i < sentences.size()) {
            int n = Math.min(sentences.size() - i, 1 + random.nextInt(3));
            paragraphs.add(new ArrayList<>(sentences.subList(i, i + n)));
            i += n;
        }
        return new Article(paragraphs);
    }

    /** Bigram chain over the seeds' words: topical text with the seeds' vocabulary and short shared runs. */
    static final class Markov {
        final Map<String, List<String>> next = new HashMap<>();
        final List<String> starts = new ArrayList<>();

        Markov(List<String> sentences) {
            for (String s : sentences) {
                String[] w = s.split("\\s+");
                starts.add(w[0]);
                for (int i = 0; i + 1 < w.length; i++) next.computeIfAbsent(w[i], x -> new ArrayList<>()).add(w[i + 1]);
            }
        }

        Article article(Random random) {
            int words = 180 + random.nextInt(300);
            List<String> sentences = new ArrayList<>();
            StringBuilder sentence = new StringBuilder();
            String word = starts.get(random.nextInt(starts.size()));
            for (int i = 0; i < words || sentence.length() > 0; i++) {
                sentence.append(sentence.length() == 0 ? "" : " ").append(word);
                List<String> followers = next.get(word);
                boolean end = word.matches(".*[.!?][\"”’]?") || followers == null || sentence.length() > 400;
                if (end) {
                    sentences.add(sentence.toString());
                    sentence.setLength(0);
                    if (i >= words) break;
                    word = starts.get(random.nextInt(starts.size()));
                } else {
                    word = followers.get(random.nextInt(followers.size()));
                }
            }
            return paragraphs(sentences, random);
        }
    }

    // ---- the edits ----

    /** Replaces exactly round(rate x words) distinct words by other words of the seeds' vocabulary. */
    static Article substitute(Article article, double rate, List<String> vocabulary, Random random) {
        List<int[]> positions = new ArrayList<>();
        List<List<String[]>> words = new ArrayList<>();
        for (int p = 0; p < article.paragraphs().size(); p++) {
            List<String[]> paragraph = new ArrayList<>();
            for (int s = 0; s < article.paragraphs().get(p).size(); s++) {
                String[] w = article.paragraphs().get(p).get(s).split(" ");
                for (int i = 0; i < w.length; i++) positions.add(new int[] {p, s, i});
                paragraph.add(w);
            }
            words.add(paragraph);
        }
        Collections.shuffle(positions, random);
        int n = Math.max(1, (int) Math.round(rate * positions.size()));
        for (int[] pos : positions.subList(0, Math.min(n, positions.size()))) {
            String[] w = words.get(pos[0]).get(pos[1]);
            String replacement;
            do {
                replacement = vocabulary.get(random.nextInt(vocabulary.size()));
            } while (replacement.equalsIgnoreCase(w[pos[2]]));
            w[pos[2]] = replacement;
        }
        List<List<String>> paragraphs = new ArrayList<>();
        for (List<String[]> paragraph : words) {
            paragraphs.add(new ArrayList<>(paragraph.stream().map(w -> String.join(" ", w)).toList()));
        }
        return new Article(paragraphs);
    }

    static Article deleteSentences(Article article, double share, Random random) {
        int total = article.sentences().size();
        int n = Math.min(total - 1, Math.max(1, (int) Math.round(share * total)));
        for (int i = 0; i < n; i++) {
            List<List<String>> ps = article.paragraphs();
            int pick = random.nextInt(article.sentences().size());
            for (List<String> p : ps) {
                if (pick < p.size()) {
                    p.remove(pick);
                    break;
                }
                pick -= p.size();
            }
            ps.removeIf(List::isEmpty);
        }
        return article;
    }

    static Article insertSentences(Article article, double share, List<String> pool, Random random) {
        int n = Math.max(1, (int) Math.round(share * article.sentences().size()));
        for (int i = 0; i < n; i++) {
            List<String> p = article.paragraphs().get(random.nextInt(article.paragraphs().size()));
            p.add(random.nextInt(p.size() + 1), pool.get(random.nextInt(pool.size())));
        }
        return article;
    }

    static Article reorder(Article article, Random random) {
        List<List<String>> ps = article.paragraphs();
        if (ps.size() < 2) {
            Collections.shuffle(ps.get(0), random);
        } else {
            List<List<String>> before = new ArrayList<>(ps);
            do {
                Collections.shuffle(ps, random);
            } while (ps.equals(before));
        }
        return article;
    }

    static final String[] NAMES = {"Amir Rana", "Sara Khan", "Mehmet Yilmaz", "Staff Reporter", "Leyla Aliyeva", "Web Desk"};
    static final String[] AGENCIES = {"APP", "Anadolu Agency", "Reuters", "Dawn News", "TRT World", "Azertac"};
    static final String[] TRAILERS = {
        "Follow us on Facebook, Twitter and Instagram for the latest updates.",
        "Copyright 2025 %s. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "This story has been published from a wire agency feed without modifications to the text.",
        "Subscribe to our newsletter to get the top stories delivered to your inbox every morning.",
        "Read more: Regional leaders meet to discuss security and trade cooperation",
        "Have a news tip? Contact our newsroom at the address on our website.",
    };

    /** A by-line and dateline before the text, two agency trailers after it. */
    static Article boilerplate(Article article, Random random) {
        String agency = AGENCIES[random.nextInt(AGENCIES.length)];
        List<List<String>> ps = article.paragraphs();
        ps.add(0, new ArrayList<>(List.of("By " + NAMES[random.nextInt(NAMES.length)] + " | " + agency,
                "Published " + (1 + random.nextInt(28)) + " July 2025, " + (1 + random.nextInt(12)) + ":" + (10 + random.nextInt(50)) + " PM")));
        List<String> trailers = new ArrayList<>(List.of(TRAILERS));
        Collections.shuffle(trailers, random);
        for (String t : trailers.subList(0, 2)) ps.add(new ArrayList<>(List.of(String.format(t, agency))));
        return article;
    }

    /** Keeps the first share of the sentences, as a feed that cuts the story after a few paragraphs. */
    static Article truncate(Article article, double share) {
        int keep = Math.max(1, (int) Math.ceil(share * article.sentences().size()));
        List<List<String>> kept = new ArrayList<>();
        for (List<String> p : article.paragraphs()) {
            if (keep == 0) break;
            List<String> part = new ArrayList<>(p.subList(0, Math.min(keep, p.size())));
            keep -= part.size();
            kept.add(part);
        }
        return new Article(kept);
    }

    /** The body twice, as seed 002 arrived from its source. */
    static Article repeated(Article article) {
        List<List<String>> ps = new ArrayList<>(article.paragraphs());
        for (List<String> p : article.paragraphs()) ps.add(new ArrayList<>(p));
        return new Article(ps);
    }
}
