package org.dyad.nlp.events;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dyad.contracts.CodedEvent;
import org.dyad.contracts.EntityMention;
import org.dyad.nlp.pipeline.CoreNlpPipeline;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Seed;

/**
 * Benchmark and report for the event coder (not a test): (1) accuracy on the example sentences of the CAMEO code
 * table, (2) the speed of the whole enrichment with events against the entity-only parse, in the same run.
 * Usage: EventsBench [cameo|speed|all] [path to icews_cameo-codes.csv] [rounds]
 */
public final class EventsBench {

    private EventsBench() {
    }

    public static void main(String[] args) throws IOException {
        String what = args.length > 0 ? args[0] : "all";
        Path csv = Path.of(args.length > 1 ? args[1] : "../shared/data/cameo/icews_cameo-codes.csv");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long t0 = System.nanoTime();
        CoreNlpPipeline pipeline = new CoreNlpPipeline("bench");
        long pipelineMs = (System.nanoTime() - t0) / 1_000_000;
        long heapBefore = usedHeapMb();
        t0 = System.nanoTime();
        EventCoder coder = new EventCoder();
        long coderMs = (System.nanoTime() - t0) / 1_000_000;
        long heapAfter = usedHeapMb();
        System.out.printf("load: pipeline %d ms, event coder (dictionaries + depparse model) %d ms%n", pipelineMs, coderMs);
        System.out.printf("heap after GC: %d MB with the pipeline, %d MB with the coder too (+%d MB)%n", heapBefore,
                heapAfter, heapAfter - heapBefore);
        if (what.equals("cameo") || what.equals("all")) {
            cameo(pipeline, coder, csv);
        }
        if (what.equals("speed") || what.equals("all")) {
            speed(pipeline, coder, rounds);
        }
    }

    /** One example row of the code table. */
    record Example(String code, String sentence) {
    }

    static List<Example> examples(Path csv) throws IOException {
        List<Example> out = new ArrayList<>();
        // The file is Latin-1 with mangled quotes; a minimal RFC 4180 reader (quoted fields, doubled quotes).
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.ISO_8859_1)) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean header = true;
            int c;
            while ((c = in.read()) != -1) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (ch == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    if (!header && row.size() >= 10 && !row.get(9).equals("NA") && !row.get(9).isBlank()) {
                        // columns: "", eventtype_ID, name, code, goldstein, nsLeft, nsRight, description, usage_notes, example
                        out.add(new Example(row.get(3), row.get(9).strip()));
                    }
                    header = false;
                    row = new ArrayList<>();
                } else if (ch != '\r') {
                    field.append(ch);
                }
            }
        }
        return out;
    }

    static void cameo(CoreNlpPipeline pipeline, EventCoder coder, Path csv) throws IOException {
        List<Example> examples = examples(csv);
        int n = examples.size();
        int coded = 0;
        int topRoot = 0;
        int topFull = 0;
        int anyRoot = 0;
        int anyFull = 0;
        int withSource = 0;
        int withTarget = 0;
        int sourceIsFirstActor = 0;
        for (Example ex : examples) {
            ParsedText parsed = pipeline.parse(ex.sentence(), null);
            List<CodedEvent> events = coder.code(parsed);
            if (events.isEmpty()) {
                continue;
            }
            coded++;
            CodedEvent top = events.stream().max(Comparator.comparingDouble(CodedEvent::confidence)).orElseThrow();
            String root = ex.code().substring(0, 2);
            topRoot += top.cameoCode().startsWith(root) ? 1 : 0;
            topFull += top.cameoCode().equals(ex.code()) ? 1 : 0;
            anyRoot += events.stream().anyMatch(e -> e.cameoCode().startsWith(root)) ? 1 : 0;
            anyFull += events.stream().anyMatch(e -> e.cameoCode().equals(ex.code())) ? 1 : 0;
            withSource += top.sources().isEmpty() ? 0 : 1;
            withTarget += top.targets().isEmpty() ? 0 : 1;
            EntityMention first = parsed.mentions().stream()
                    .filter(m -> !m.type().equals("DATE") && !m.type().equals("TITLE") && !m.type().equals("MONEY")
                            && !m.type().equals("PERCENT"))
                    .findFirst().orElse(null);
            if (first != null && !top.sources().isEmpty() && top.sources().get(0).start() == first.start()) {
                sourceIsFirstActor++;
            }
        }
        System.out.printf("CAMEO example sentences (%s): %d%n", csv, n);
        System.out.printf("  coded (>= 1 event)            %4d  %5.1f %%%n", coded, pct(coded, n));
        System.out.printf("  root code, top event          %4d  %5.1f %%%n", topRoot, pct(topRoot, n));
        System.out.printf("  full code, top event          %4d  %5.1f %%%n", topFull, pct(topFull, n));
        System.out.printf("  root code, any event          %4d  %5.1f %%%n", anyRoot, pct(anyRoot, n));
        System.out.printf("  full code, any event          %4d  %5.1f %%%n", anyFull, pct(anyFull, n));
        System.out.printf("  top event has a source        %4d  %5.1f %% of coded%n", withSource, pct(withSource, coded));
        System.out.printf("  top event has a target        %4d  %5.1f %% of coded%n", withTarget, pct(withTarget, coded));
        System.out.printf("  source = first actor named    %4d  %5.1f %% of coded (proxy: the table has no gold actors)%n",
                sourceIsFirstActor, pct(sourceIsFirstActor, coded));
    }

    static void speed(CoreNlpPipeline pipeline, EventCoder coder, int rounds) {
        EventCoder retagging = EventCoder.retagging(new DictionaryCountryResolver());
        List<Seed> seeds = new ArrayList<>();
        int chars = 0;
        for (String name : Seed.ALL) {
            Seed s = Seed.read(name);
            seeds.add(s);
            chars += s.text().length();
        }
        // Warm-up: JIT and lazily built parts of CoreNLP.
        for (Seed s : seeds) {
            ParsedText p = pipeline.parse(s.text(), s.publishedAt());
            coder.code(p);
            retagging.code(p);
        }
        long entityOnly = 0;
        long withEvents = 0;
        long coderOnly = 0;
        long coderRetagging = 0;
        int events = 0;
        int tokens = 0;
        for (int r = 0; r < rounds; r++) {
            for (Seed s : seeds) {
                long a = System.nanoTime();
                pipeline.parse(s.text(), s.publishedAt());
                long b = System.nanoTime();
                // The whole enrichment with events: a fresh parse plus the coder, as the service runs it.
                ParsedText q = pipeline.parse(s.text(), s.publishedAt());
                List<CodedEvent> coded = coder.code(q);
                long c = System.nanoTime();
                coder.code(q);
                long d = System.nanoTime();
                retagging.code(q);
                long e = System.nanoTime();
                entityOnly += b - a;
                withEvents += c - b;
                coderOnly += d - c;
                coderRetagging += e - d;
                if (r == 0) {
                    events += coded.size();
                    tokens += q.tokens().size();
                }
            }
        }
        int[] parsedSentences = {0};
        DependencyParser real = CoreNlpDependencyParser.overExistingTags();
        EventCoder counting = new EventCoder(new DictionaryCountryResolver(), t -> {
            parsedSentences[0]++;
            return real.parse(t);
        });
        int sentences = 0;
        for (Seed s : seeds) {
            ParsedText p = pipeline.parse(s.text(), s.publishedAt());
            sentences += p.sentences().size();
            counting.code(p);
        }
        System.out.printf("gate: %d of %d seed sentences dependency-parsed (%.0f %%)%n", parsedSentences[0], sentences,
                100.0 * parsedSentences[0] / sentences);
        System.out.printf("speed, %d seeds (%d chars, %d tokens, %d events), %d rounds, 1 thread:%n", seeds.size(), chars,
                tokens, events, rounds);
        System.out.printf("  entity-only parse              %7.0f ms/round%n", ms(entityOnly, rounds));
        System.out.printf("  parse + events                 %7.0f ms/round   ratio %.3f%n", ms(withEvents, rounds),
                (double) withEvents / entityOnly);
        System.out.printf("  event coder alone (own tags)   %7.0f ms/round   %.1f %% of the entity-only parse%n",
                ms(coderOnly, rounds), 100.0 * coderOnly / entityOnly);
        System.out.printf("  event coder alone (re-tagging) %7.0f ms/round   %.2fx the coder over the pipeline's tags%n",
                ms(coderRetagging, rounds), (double) coderRetagging / coderOnly);
    }

    private static long usedHeapMb() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        return (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
    }

    private static double ms(long nanos, int rounds) {
        return nanos / 1e6 / rounds;
    }

    private static double pct(int k, int n) {
        return n == 0 ? 0 : 100.0 * k / n;
    }
}
