package org.dyad.nlp.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A token trie over the curated name lists: the longest dictionary spelling starting at each token, in time linear
 * in the number of tokens (a hash lookup per token and step). Immutable once built, so shared by every thread.
 */
public final class Gazetteer {

    /** Lower-case words that may stand inside a capitalised name: "Republic of Turkey", "Bosnia and Herzegovina". */
    static final Set<String> PARTICLES = Set.of("of", "the", "and", "for", "de", "del", "da", "al", "el", "bin",
            "ibn", "in", "on", "la", "le", "du", "van", "von", "-", "'s", "&", "und", "y", "e", "i", "des");

    /** Acronyms that are also English words, skipped in sentences written in capitals only (headlines). */
    private static final Set<String> WORD_ACRONYMS = Set.of("us", "who", "it", "is", "an", "as", "at", "be", "by",
            "do", "if", "in", "me", "no", "of", "on", "or", "so", "to", "up", "we", "eco", "cis", "ai", "au", "ec", "ep",
            "am", "oas", "pm", "ttp", "wb");

    private final Node root = new Node();
    private final Function<String, List<String>> tokenizer;
    private int spellings;

    /** @param tokenizer splits a dictionary spelling into the words the engine's tokenizer would make of it */
    public Gazetteer(Function<String, List<String>> tokenizer) {
        this.tokenizer = tokenizer;
    }

    /** Adds one spelling of an entry. */
    public void add(String spelling, CaseRule rule, Entry entry) {
        List<String> words = tokenizer.apply(spelling);
        if (words.isEmpty()) {
            return;
        }
        Node node = root;
        for (String w : words) {
            node = node.children.computeIfAbsent(Names.key(w), k -> new Node());
        }
        for (Variant v : node.variants) {
            if (v.entry.equals(entry) && v.words.equals(words) && v.rule == rule) {
                return;
            }
        }
        node.variants.add(new Variant(List.copyOf(words), rule, entry));
        spellings++;
    }

    /** How many spellings the gazetteer holds. */
    public int size() {
        return spellings;
    }

    /**
     * The dictionary names in one sentence, longest first, left to right, not overlapping.
     *
     * @param words the sentence's tokens as written
     */
    public List<Match> find(List<String> words) {
        boolean headline = allCaps(words);
        List<String> keys = new ArrayList<>(words.size());
        for (String w : words) {
            keys.add(Names.key(w));
        }
        List<Match> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Match best = longestAt(words, keys, i, headline);
            if (best == null) {
                i++;
            } else {
                found.add(best);
                i = best.end();
            }
        }
        return found;
    }

    /** Every entry whose spelling is exactly these words (any case rule satisfied), or an empty list. */
    public List<Entry> lookup(List<String> words) {
        List<String> keys = new ArrayList<>(words.size());
        for (String w : words) {
            keys.add(Names.key(w));
        }
        Node node = root;
        for (String k : keys) {
            node = node.children.get(k);
            if (node == null) {
                return List.of();
            }
        }
        return accepted(node, words, 0, allCaps(words));
    }

    private Match longestAt(List<String> words, List<String> keys, int start, boolean headline) {
        Node node = root;
        Match best = null;
        for (int j = start; j < words.size(); j++) {
            node = node.children.get(keys.get(j));
            if (node == null) {
                break;
            }
            if (!node.variants.isEmpty()) {
                List<Entry> entries = accepted(node, words, start, headline);
                if (!entries.isEmpty()) {
                    best = new Match(start, j + 1, entries);
                }
            }
        }
        return best;
    }

    private static List<Entry> accepted(Node node, List<String> words, int start, boolean headline) {
        List<Entry> entries = new ArrayList<>(2);
        for (Variant v : node.variants) {
            if (v.matches(words, start, headline) && !entries.contains(v.entry)) {
                entries.add(v.entry);
            }
        }
        return entries;
    }

    private static boolean allCaps(List<String> words) {
        boolean letters = false;
        for (String w : words) {
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (Character.isLowerCase(c)) {
                    return false;
                }
                letters |= Character.isLetter(c);
            }
        }
        return letters;
    }

    /** A dictionary name found in a sentence: tokens {@code [start, end)} of the sentence and what it may refer to. */
    public record Match(int start, int end, List<Entry> entries) {

        /** The first entry of the given kind, or null. */
        public Entry of(Kind kind) {
            for (Entry e : entries) {
                if (e.kind() == kind) {
                    return e;
                }
            }
            return null;
        }

        public Entry first() {
            return entries.get(0);
        }
    }

    private static final class Node {
        final Map<String, Node> children = new HashMap<>(4);
        final List<Variant> variants = new ArrayList<>(1);
    }

    private record Variant(List<String> words, CaseRule rule, Entry entry) {

        boolean matches(List<String> text, int start, boolean headline) {
            switch (rule) {
                case ANY:
                    return true;
                case EXACT:
                    if (headline && words.size() == 1 && WORD_ACRONYMS.contains(Names.key(words.get(0)))) {
                        return false;
                    }
                    for (int i = 0; i < words.size(); i++) {
                        if (!plain(text.get(start + i)).equals(plain(words.get(i)))) {
                            return false;
                        }
                    }
                    return true;
                default:
                    for (int i = 0; i < words.size(); i++) {
                        String w = text.get(start + i);
                        if (!Names.isCapitalised(w) && !PARTICLES.contains(Names.key(w))
                                && Character.isLetter(w.charAt(0))) {
                            return false;
                        }
                    }
                    return true;
            }
        }

        private static String plain(String w) {
            return w.replace('’', '\'');
        }
    }
}
