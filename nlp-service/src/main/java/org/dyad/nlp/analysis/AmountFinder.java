package org.dyad.nlp.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.dyad.contracts.Amount;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Token;

/**
 * Money and percentages: value, ISO 4217 currency, and what the amount is about when its sentence says it. Found
 * by our patterns over the text ({@code $5 billion}, {@code Rs 10bn}, {@code 3.2 million euros}, {@code 29%},
 * {@code 29 per cent}), then the engine's MONEY/PERCENT spans the patterns missed, read from its normalised value.
 */
final class AmountFinder {

    static final String MONEY = "MONEY";
    static final String PERCENT = "PERCENT";
    private static final String RUPEE = "RUPEE";

    private static final Map<String, Double> MULTIPLIERS = Map.ofEntries(Map.entry("thousand", 1e3),
            Map.entry("k", 1e3), Map.entry("million", 1e6), Map.entry("mn", 1e6), Map.entry("mln", 1e6),
            Map.entry("m", 1e6), Map.entry("billion", 1e9), Map.entry("bn", 1e9), Map.entry("b", 1e9),
            Map.entry("trillion", 1e12), Map.entry("tn", 1e12), Map.entry("trn", 1e12), Map.entry("crore", 1e7),
            Map.entry("crores", 1e7), Map.entry("lakh", 1e5), Map.entry("lakhs", 1e5), Map.entry("lac", 1e5));
    private static final Map<String, Double> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1.0),
            Map.entry("two", 2.0), Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0),
            Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0),
            Map.entry("ten", 10.0), Map.entry("twenty", 20.0), Map.entry("thirty", 30.0), Map.entry("forty", 40.0),
            Map.entry("fifty", 50.0), Map.entry("hundred", 100.0), Map.entry("a", 1.0), Map.entry("half a", 0.5));
    /** The rupee of each country that calls its currency so, by the names its mentions use. */
    private static final Map<String, String> RUPEE_COUNTRIES = Map.of("pakistan", "PKR", "india", "INR",
            "sri lanka", "LKR", "nepal", "NPR");

    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?"
            + "|(?:half a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|a)"
            + "(?=\\s+(?:thousand|million|billion|trillion)))";
    private static final String SCALE = "(?:\\s?(thousand|million|billion|trillion|crores?|lakhs?|lac|mn|mln|bn|tn|trn)\\b"
            + "|(m|b|k)\\b)?";
    private static final Pattern PERCENTAGE = Pattern.compile("(?i)(?<![\\w.])" + NUMBER
            + "\\s?(%|per\\s?cent\\b|pc\\b|percentage points?\\b)");

    /** The engine's normalised amount: "$5.0E9", "%29.0", "~%20.0". */
    private static final Pattern ENGINE_VALUE = Pattern.compile("(\\d+(?:\\.\\d+)?(?:E-?\\d+)?)");

    private final Map<String, String> currencyOf = new HashMap<>();
    private final Pattern prefixed;
    private final Pattern suffixed;
    private final Map<String, String> about = new HashMap<>();

    AmountFinder(Lexicon currencies, Lexicon aboutWords) {
        List<String> prefixes = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        for (List<String> row : currencies.rows()) {
            String form = row.get(0);
            currencyOf.put(form.toLowerCase(Locale.ROOT), row.get(1));
            String where = row.get(2);
            if (!where.equals("suffix")) {
                prefixes.add(form);
            }
            if (!where.equals("prefix")) {
                suffixes.add(form);
            }
        }
        String prefixAlternatives = alternatives(prefixes);
        String suffixAlternatives = alternatives(suffixes);
        this.prefixed = Pattern.compile("(?i)(?<![\\p{L}])(" + prefixAlternatives + ")\\s?" + NUMBER + SCALE
                + "(?:\\s+(" + suffixAlternatives + ")\\b)?");
        this.suffixed = Pattern.compile("(?i)(?<![\\w.$€£¥₹])" + NUMBER + SCALE + "\\s+(?:of\\s+)?("
                + suffixAlternatives + ")\\b");
        for (List<String> row : aboutWords.rows()) {
            about.putIfAbsent(row.get(0).toLowerCase(Locale.ROOT), row.get(1));
        }
    }

    static AmountFinder standard() {
        return new AmountFinder(Lexicon.load("currencies.tsv"), Lexicon.load("about.tsv"));
    }

    List<Amount> find(ParsedText parsed) {
        String text = parsed.text();
        String rupee = rupeeOf(parsed);
        List<Amount> found = new ArrayList<>();
        Matcher prefix = bounded(prefixed.matcher(text));
        Matcher suffix = bounded(suffixed.matcher(text));
        Matcher percent = bounded(PERCENTAGE.matcher(text));
        // The patterns run only in windows around numbers: their long alternations are slow over a whole text.
        for (int[] window : windows(parsed)) {
            prefix.region(window[0], window[1]);
            while (prefix.find()) {
                String code = code(prefix.group(1), rupee);
                add(parsed, found, MONEY, prefix.start(), prefix.end(),
                        number(prefix.group(2)) * scale(prefix.group(3), prefix.group(4)), code);
            }
            suffix.region(window[0], window[1]);
            while (suffix.find()) {
                String code = code(suffix.group(4), rupee);
                add(parsed, found, MONEY, suffix.start(), suffix.end(),
                        number(suffix.group(1)) * scale(suffix.group(2), suffix.group(3)), code);
            }
            percent.region(window[0], window[1]);
            while (percent.find()) {
                add(parsed, found, PERCENT, percent.start(), percent.end(), number(percent.group(1)), null);
            }
        }
        engineSpans(parsed, found, rupee);
        found.sort(Comparator.comparingInt(Amount::start));
        return List.copyOf(found);
    }

    private static Matcher bounded(Matcher m) {
        return m.useTransparentBounds(true).useAnchoringBounds(false);
    }

    /** From two tokens before each number to six after it, overlapping windows merged. */
    private static List<int[]> windows(ParsedText parsed) {
        List<Token> tokens = parsed.tokens();
        List<int[]> windows = new ArrayList<>();
        for (Token t : tokens) {
            String w = t.word().toLowerCase(Locale.ROOT);
            boolean number = !w.isEmpty() && Character.isDigit(w.charAt(0)) || NUMBER_WORDS.containsKey(w)
                    || w.equals("half");
            if (!number) {
                continue;
            }
            int from = tokens.get(Math.max(0, t.index() - 2)).start();
            int to = tokens.get(Math.min(tokens.size() - 1, t.index() + 6)).end();
            int[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = Math.max(last[1], to);
            } else {
                windows.add(new int[] {from, to});
            }
        }
        return windows;
    }

    private void add(ParsedText parsed, List<Amount> found, String kind, int start, int end, double value,
            String currency) {
        if (found.stream().anyMatch(a -> a.start() < end && start < a.end())) {
            return; // "$5 billion dollars" matched by both patterns: the first, longer one stands
        }
        int sentence = DateFinder.sentenceAt(parsed, start);
        found.add(new Amount(kind, parsed.text().substring(start, end), start, end, sentence, value, currency,
                aboutOf(parsed, start, end, sentence)));
    }

    /** MONEY/PERCENT spans the engine saw and our patterns did not ("5 billion" after "$" split by a line). */
    private void engineSpans(ParsedText parsed, List<Amount> found, String rupee) {
        List<Token> span = new ArrayList<>();
        for (Token t : parsed.tokens()) {
            boolean amount = MONEY.equals(t.ner()) || PERCENT.equals(t.ner());
            if (!span.isEmpty() && (!amount || !t.ner().equals(span.get(0).ner())
                    || t.sentence() != span.get(0).sentence())) {
                engineSpan(parsed, found, span, rupee);
                span = new ArrayList<>();
            }
            if (amount) {
                span.add(t);
            }
        }
        if (!span.isEmpty()) {
            engineSpan(parsed, found, span, rupee);
        }
    }

    private void engineSpan(ParsedText parsed, List<Amount> found, List<Token> span, String rupee) {
        Token first = span.get(0);
        Token last = span.get(span.size() - 1);
        String normalized = first.normalized();
        if (normalized == null) {
            return;
        }
        Matcher number = ENGINE_VALUE.matcher(normalized);
        if (!number.find()) {
            return;
        }
        double value = Double.parseDouble(number.group(1));
        if (PERCENT.equals(first.ner())) {
            add(parsed, found, PERCENT, first.start(), last.end(), value, null);
            return;
        }
        String spanText = parsed.text().substring(first.start(), last.end()).toLowerCase(Locale.ROOT);
        String code = currencyOf.entrySet().stream()
                .filter(e -> spanText.contains(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(e -> e.getValue().equals(RUPEE) ? rupee : e.getValue())
                .orElse(null);
        if (code != null) {
            add(parsed, found, MONEY, first.start(), last.end(), value, code);
        }
    }

    /**
     * The nearest "about" word in the amount's sentence: words after the amount count their distance in tokens,
     * words before it one more, and a comma or semicolon in between adds three; none further than ten.
     */
    private String aboutOf(ParsedText parsed, int start, int end, int sentence) {
        List<Token> tokens = parsed.tokensOf(sentence);
        int first = -1;
        int last = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.start() < end && start < t.end()) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return null;
        }
        String best = null;
        int bestDistance = 11;
        int penalty = 0;
        for (int i = last + 1; i < tokens.size(); i++) {
            penalty += clauseBreak(tokens.get(i)) ? 3 : 0;
            int distance = i - last + penalty;
            String label = label(tokens.get(i));
            if (label != null) {
                if (distance < bestDistance) {
                    best = label;
                    bestDistance = distance;
                }
                break;
            }
        }
        penalty = 0;
        for (int i = first - 1; i >= 0; i--) {
            penalty += clauseBreak(tokens.get(i)) ? 3 : 0;
            int distance = first - i + 1 + penalty;
            String label = label(tokens.get(i));
            if (label != null) {
                if (distance < bestDistance) {
                    best = label;
                }
                break;
            }
        }
        return best;
    }

    private String label(Token t) {
        String label = about.get(t.word().toLowerCase(Locale.ROOT));
        return label != null ? label : t.lemma() == null ? null : about.get(t.lemma());
    }

    private static boolean clauseBreak(Token t) {
        return t.word().equals(",") || t.word().equals(";") || t.word().equals(":");
    }

    private String code(String form, String rupee) {
        String code = currencyOf.get(form.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        return RUPEE.equals(code) ? rupee : code;
    }

    /** "Rs" and "rupees" are the currency of the rupee country the article names most, Pakistan's by default. */
    private static String rupeeOf(ParsedText parsed) {
        Map<String, Long> counts = new LinkedHashMap<>();
        RUPEE_COUNTRIES.keySet().forEach(c -> counts.put(c, 0L));
        parsed.mentions().stream()
                .filter(m -> m.type().equals("COUNTRY") || m.type().equals("NATIONALITY"))
                .map(m -> m.text().toLowerCase(Locale.ROOT))
                .forEach(name -> RUPEE_COUNTRIES.keySet().stream()
                        .filter(c -> name.startsWith(c.substring(0, Math.min(c.length(), 5))))
                        .findFirst()
                        .ifPresent(c -> counts.merge(c, 1L, Long::sum)));
        long pakistan = counts.get("pakistan");
        return counts.entrySet().stream()
                .filter(e -> e.getValue() > pakistan)
                .max(Map.Entry.comparingByValue())
                .map(e -> RUPEE_COUNTRIES.get(e.getKey()))
                .orElse("PKR");
    }

    private static double number(String written) {
        String w = written.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Double word = NUMBER_WORDS.get(w);
        return word != null ? word : Double.parseDouble(w.replace(",", ""));
    }

    private static double scale(String word, String letter) {
        String s = word != null ? word : letter;
        return s == null ? 1 : MULTIPLIERS.getOrDefault(s.toLowerCase(Locale.ROOT), 1.0);
    }

    private static String alternatives(List<String> forms) {
        return forms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                // ISO codes only in capitals: "TRY 5" is lira, "try 5" is not
                .map(f -> (f.matches("[A-Z]{2,3}") ? "(?-i:" + Pattern.quote(f) + ")" : Pattern.quote(f))
                        .replace(" ", "\\E\\s+\\Q"))
                .collect(Collectors.joining("|"));
    }
}
