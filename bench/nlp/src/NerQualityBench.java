import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.dyad.contracts.EntityMention;
import org.dyad.nlp.pipeline.CoreNlpPipeline;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Token;

/**
 * NER quality of Dyad's pipeline against CoreNLP's default {@code tokenize,ssplit,pos,lemma,ner} (with its
 * fine-grained pass) in the same run, on CoNLL-2003 testb, CoNLL++ and re3d (read from {@code ../shared/eval}, never
 * copied). Prints per-type precision, recall and F1. Usage: {@code NerQualityBench <eval-dir>}.
 *
 * <p>Type mapping, the same for both systems. CoNLL: PERSON→PER; ORGANIZATION→ORG; COUNTRY, CITY,
 * STATE_OR_PROVINCE, LOCATION→LOC; MISC, NATIONALITY, RELIGION, IDEOLOGY→MISC; the rest (TITLE, dates, numbers) is
 * not a CoNLL entity. Both systems are read the same way: runs of one mapped type on the tokens. re3d: Person, Organisation, Location, Nationality against PERSON and TITLE (re3d tags titles
 * such as "President of the United States" as Person), ORGANIZATION, the places, NATIONALITY.
 *
 * <p>Nominal mentions (a state body named by a demonym or a country and a common noun, "Iraqi forces", ADR 0009):
 * CoNLL annotates names only, so there Dyad is read as if the nominal mention were not made (the demonym or country
 * inside it keeps its own type, the common noun is no entity); re3d annotates organisations broadly, so there a
 * nominal organisation is an Organisation like any other. The baseline makes no nominal mentions.
 */
public final class NerQualityBench {

    private static final Map<String, String> CONLL_TYPES = Map.ofEntries(Map.entry("PERSON", "PER"),
            Map.entry("ORGANIZATION", "ORG"), Map.entry("COUNTRY", "LOC"), Map.entry("CITY", "LOC"),
            Map.entry("STATE_OR_PROVINCE", "LOC"), Map.entry("LOCATION", "LOC"), Map.entry("MISC", "MISC"),
            Map.entry("NATIONALITY", "MISC"), Map.entry("RELIGION", "MISC"), Map.entry("IDEOLOGY", "MISC"));
    private static final Map<String, String> RE3D_TYPES = Map.ofEntries(Map.entry("PERSON", "Person"),
            Map.entry("TITLE", "Person"), Map.entry("ORGANIZATION", "Organisation"), Map.entry("COUNTRY", "Location"),
            Map.entry("CITY", "Location"), Map.entry("STATE_OR_PROVINCE", "Location"), Map.entry("LOCATION", "Location"),
            Map.entry("NATIONALITY", "Nationality"));
    private static final List<String> RE3D_GOLD = List.of("Person", "Organisation", "Location", "Nationality");

    /** One entity: [start, end) in tokens (CoNLL) or characters (re3d), and its type. */
    record Span(int doc, int start, int end, String type) {
    }

    private NerQualityBench() {
    }

    public static void main(String[] args) throws Exception {
        Path eval = Path.of(args.length > 0 ? args[0] : "../shared/eval");
        Properties conll = new Properties();
        conll.setProperty("tokenize.whitespace", "true");
        conll.setProperty("ssplit.eolonly", "true");

        long t0 = System.nanoTime();
        CoreNlpPipeline dyadConll = new CoreNlpPipeline("bench", conll);
        CoreNlpPipeline dyad = new CoreNlpPipeline("bench");
        System.out.printf("Dyad pipelines loaded in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        t0 = System.nanoTime();
        // BASELINE=skip (environment): Dyad alone, for quick iterations; the baseline columns are then empty
        boolean withBaseline = !"skip".equals(System.getenv("BASELINE"));
        StanfordCoreNLP baselineConll = withBaseline ? baseline(conll) : null;
        StanfordCoreNLP baseline = withBaseline ? baseline(new Properties()) : null;
        System.out.printf("Baseline pipelines loaded in %d ms%n%n", (System.nanoTime() - t0) / 1_000_000);

        // ---- CoNLL: one text per document, one sentence per line, tokens separated by spaces.
        List<List<List<String[]>>> docs = readConll(eval.resolve("ner/conll2003-eng-testb.txt"));
        List<List<List<String[]>>> docsPp = readConll(eval.resolve("ner/conllpp-test.txt"));
        List<Span> dyadPred = new ArrayList<>();
        List<Span> basePred = new ArrayList<>();
        long dyadNanos = 0;
        long baseNanos = 0;
        for (int d = 0; d < docs.size(); d++) {
            StringBuilder text = new StringBuilder();
            List<int[]> offsets = new ArrayList<>();
            for (List<String[]> sentence : docs.get(d)) {
                for (int i = 0; i < sentence.size(); i++) {
                    if (i > 0) {
                        text.append(' ');
                    }
                    offsets.add(new int[] {text.length(), text.length() + sentence.get(i)[0].length()});
                    text.append(sentence.get(i)[0]);
                }
                text.append('\n');
            }
            long s = System.nanoTime();
            ParsedText parsed = dyadConll.parse(text.toString(), null);
            dyadNanos += System.nanoTime() - s;
            dyadPred.addAll(dyadRuns(d, namesOnly(parsed), CONLL_TYPES, offsets));
            if (withBaseline) {
                s = System.nanoTime();
                Annotation doc = new Annotation(text.toString());
                baselineConll.annotate(doc);
                baseNanos += System.nanoTime() - s;
                basePred.addAll(tagRuns(d, doc.get(CoreAnnotations.TokensAnnotation.class), CONLL_TYPES, offsets));
            }
        }
        System.out.printf("CoNLL-2003 testb text: %d documents; Dyad %.1f s, baseline %.1f s%n", docs.size(),
                dyadNanos / 1e9, baseNanos / 1e9);
        report("CoNLL-2003 testb", goldConll(docs), dyadPred, basePred, List.of("PER", "ORG", "LOC", "MISC"), false);
        report("CoNLL++ test", goldConll(docsPp), dyadPred, basePred, List.of("PER", "ORG", "LOC", "MISC"), false);

        // ---- re3d: raw text with character offsets.
        ObjectMapper json = new ObjectMapper();
        List<Span> gold = new ArrayList<>();
        List<Span> dyadRe3d = new ArrayList<>();
        List<Span> baseRe3d = new ArrayList<>();
        List<String> lines = Files.readAllLines(eval.resolve("ner/re3d-gold.jsonl"));
        for (int d = 0; d < lines.size(); d++) {
            JsonNode doc = json.readTree(lines.get(d));
            String text = doc.get("text").asText();
            for (JsonNode e : doc.get("entities")) {
                String type = e.get("type").asText();
                if (RE3D_GOLD.contains(type)) {
                    int[] at = locate(text, e.get("begin").asInt(), e.get("end").asInt(), e.path("text").asText(null));
                    gold.add(new Span(d, at[0], at[1], type));
                }
            }
            dyadRe3d.addAll(dyadRuns(d, dyad.parse(text, null).tokens(), RE3D_TYPES, null));
            if (withBaseline) {
                Annotation a = new Annotation(text);
                baseline.annotate(a);
                baseRe3d.addAll(tagRuns(d, a.get(CoreAnnotations.TokensAnnotation.class), RE3D_TYPES, null));
            }
        }
        report("re3d (strict: same span and type)", dedupe(gold), dyadRe3d, baseRe3d, RE3D_GOLD, false);
        report("re3d (lenient: overlapping span, same type)", dedupe(gold), dyadRe3d, baseRe3d, RE3D_GOLD, true);
    }

    static StanfordCoreNLP baseline(Properties extra) {
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        props.putAll(extra);
        return new StanfordCoreNLP(props);
    }

    /** re3d offsets that do not hold the entity's text are moved to its nearest occurrence. */
    private static int[] locate(String text, int begin, int end, String surface) {
        if (surface == null || (end <= text.length() && text.substring(begin, end).equals(surface))) {
            return new int[] {begin, end};
        }
        int best = -1;
        for (int i = text.indexOf(surface); i >= 0; i = text.indexOf(surface, i + 1)) {
            if (best < 0 || Math.abs(i - begin) < Math.abs(best - begin)) {
                best = i;
            }
        }
        return best < 0 ? new int[] {begin, Math.min(end, text.length())} : new int[] {best, best + surface.length()};
    }

    private static List<Span> dedupe(List<Span> spans) {
        return List.copyOf(new java.util.LinkedHashSet<>(spans));
    }

    /** Dyad's mentions, and runs of the MISC tag it leaves on tokens, in CoNLL token indices. */
    private static List<Span> dyadConllSpans(int doc, ParsedText parsed, List<int[]> offsets) {
        Map<Integer, Integer> tokenAt = new TreeMap<>();
        Map<Integer, Integer> tokenEnd = new TreeMap<>();
        for (int i = 0; i < offsets.size(); i++) {
            tokenAt.put(offsets.get(i)[0], i);
            tokenEnd.put(offsets.get(i)[1], i + 1);
        }
        List<Span> spans = new ArrayList<>();
        for (EntityMention m : parsed.mentions()) {
            String type = CONLL_TYPES.get(m.type());
            Integer s = tokenAt.get(m.start());
            Integer e = tokenEnd.get(m.end());
            if (type != null && s != null && e != null) {
                spans.add(new Span(doc, s, e, type));
            }
        }
        List<Token> tokens = parsed.tokens();
        int i = 0;
        while (i < tokens.size()) {
            if (!"MISC".equals(tokens.get(i).ner())) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && "MISC".equals(tokens.get(j).ner())
                    && tokens.get(j).sentence() == tokens.get(i).sentence()) {
                j++;
            }
            Integer s = tokenAt.get(tokens.get(i).start());
            Integer e = tokenEnd.get(tokens.get(j - 1).end());
            if (s != null && e != null) {
                spans.add(new Span(doc, s, e, "MISC"));
            }
            i = j;
        }
        return spans;
    }

    /**
     * Dyad's tokens with the nominal mentions read as CoNLL reads them: the name inside ("Iraqi") keeps the type it
     * has alone, the common noun ("forces") is no entity.
     */
    private static List<Token> namesOnly(ParsedText parsed) {
        if (parsed.nominal().isEmpty()) {
            return parsed.tokens();
        }
        List<Token> tokens = new ArrayList<>(parsed.tokens());
        parsed.nominal().forEach((mention, name) -> {
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.start() >= mention.start() && t.end() <= mention.end()) {
                    String ner = t.end() <= name.end() ? name.type() : "O";
                    tokens.set(i, new Token(t.index(), t.sentence(), t.word(), t.start(), t.end(), t.pos(), t.lemma(),
                            ner, t.normalized()));
                }
            }
        });
        return tokens;
    }

    /**
     * Dyad's output read as the baseline's is: runs of one mapped tag on its tokens (its tokens carry the type of
     * the mention they are in), so both systems are scored the same way.
     */
    private static List<Span> dyadRuns(int doc, List<Token> tokens, Map<String, String> types, List<int[]> offsets) {
        List<CoreLabel> labels = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            CoreLabel l = new CoreLabel();
            l.setBeginPosition(t.start());
            l.setEndPosition(t.end());
            l.setNER(t.ner());
            l.setSentIndex(t.sentence());
            labels.add(l);
        }
        return tagRuns(doc, labels, types, offsets);
    }

    /** Runs of one mapped tag, in CoNLL token indices (offsets given) or in characters. */
    private static List<Span> tagRuns(int doc, List<CoreLabel> tokens, Map<String, String> types, List<int[]> offsets) {
        Map<Integer, Integer> tokenAt = new TreeMap<>();
        if (offsets != null) {
            for (int i = 0; i < offsets.size(); i++) {
                tokenAt.put(offsets.get(i)[0], i);
            }
        }
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            String type = types.get(tokens.get(i).ner());
            if (type == null) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && type.equals(types.get(tokens.get(j).ner()))
                    && tokens.get(j).sentIndex() == tokens.get(i).sentIndex()) {
                j++;
            }
            if (offsets == null) {
                spans.add(new Span(doc, tokens.get(i).beginPosition(), tokens.get(j - 1).endPosition(), type));
            } else {
                Integer s = tokenAt.get(tokens.get(i).beginPosition());
                Integer e = tokenAt.get(tokens.get(j - 1).beginPosition());
                if (s != null && e != null) {
                    spans.add(new Span(doc, s, e + 1, type));
                }
            }
            i = j;
        }
        return spans;
    }

    /** Documents of sentences of {word, tag} (first and last column), IOB1 or IOB2. */
    private static List<List<List<String[]>>> readConll(Path file) throws IOException {
        List<List<List<String[]>>> docs = new ArrayList<>();
        List<List<String[]>> doc = null;
        List<String[]> sentence = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("-DOCSTART-")) {
                if (doc != null && !sentence.isEmpty()) {
                    doc.add(sentence);
                }
                sentence = new ArrayList<>();
                doc = new ArrayList<>();
                docs.add(doc);
            } else if (line.isBlank()) {
                if (!sentence.isEmpty() && doc != null) {
                    doc.add(sentence);
                }
                sentence = new ArrayList<>();
            } else {
                String[] cols = line.split("\\s+");
                sentence.add(new String[] {cols[0], cols[cols.length - 1]});
            }
        }
        if (doc != null && !sentence.isEmpty()) {
            doc.add(sentence);
        }
        return docs;
    }

    private static List<Span> goldConll(List<List<List<String[]>>> docs) {
        List<Span> spans = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            int base = 0;
            for (List<String[]> sentence : docs.get(d)) {
                String type = null;
                int start = -1;
                for (int i = 0; i <= sentence.size(); i++) {
                    String tag = i < sentence.size() ? sentence.get(i)[1] : "O";
                    String t = tag.equals("O") ? null : tag.substring(2);
                    boolean begins = t != null && (tag.startsWith("B-") || !t.equals(type));
                    if (type != null && (t == null || begins)) {
                        spans.add(new Span(d, base + start, base + i, type));
                        type = null;
                    }
                    if (begins) {
                        type = t;
                        start = i;
                    }
                }
                base += sentence.size();
            }
        }
        return spans;
    }

    private static void report(String title, List<Span> gold, List<Span> dyad, List<Span> base, List<String> types,
            boolean lenient) {
        System.out.println("== " + title + " (" + gold.size() + " gold entities)");
        System.out.printf("%-14s %26s   %26s   %8s%n", "", "Dyad  P / R / F1", "baseline  P / R / F1", "F1 diff");
        Map<String, double[]> dyadScores = new LinkedHashMap<>();
        Map<String, double[]> baseScores = new LinkedHashMap<>();
        for (String type : types) {
            dyadScores.put(type, score(gold, dyad, type, lenient));
            baseScores.put(type, score(gold, base, type, lenient));
        }
        dyadScores.put("all", score(gold, dyad, null, lenient));
        baseScores.put("all", score(gold, base, null, lenient));
        dyadScores.forEach((type, d) -> {
            double[] b = baseScores.get(type);
            System.out.printf("%-14s %8.1f %8.1f %8.1f   %8.1f %8.1f %8.1f   %+8.1f%n", type, d[0], d[1], d[2], b[0],
                    b[1], b[2], d[2] - b[2]);
        });
        System.out.println();
    }

    /** Precision, recall, F1 in percent for one type (null: every type of the gold list). */
    private static double[] score(List<Span> gold, List<Span> pred, String type, boolean lenient) {
        Set<String> kept = new HashSet<>();
        gold.forEach(g -> kept.add(g.type()));
        List<Span> g = gold.stream().filter(s -> type == null ? kept.contains(s.type()) : s.type().equals(type))
                .toList();
        List<Span> p = pred.stream().filter(s -> type == null ? kept.contains(s.type()) : s.type().equals(type))
                .distinct().toList();
        long tpP;
        long tpR;
        if (lenient) {
            tpP = p.stream().filter(x -> g.stream().anyMatch(y -> overlaps(x, y))).count();
            tpR = g.stream().filter(y -> p.stream().anyMatch(x -> overlaps(x, y))).count();
        } else {
            Set<Span> goldSet = new HashSet<>(g);
            tpP = p.stream().filter(goldSet::contains).count();
            tpR = tpP;
        }
        double precision = p.isEmpty() ? 0 : 100.0 * tpP / p.size();
        double recall = g.isEmpty() ? 0 : 100.0 * tpR / g.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1};
    }

    private static boolean overlaps(Span a, Span b) {
        return a.doc() == b.doc() && a.type().equals(b.type()) && a.start() < b.end() && b.start() < a.end();
    }
}
