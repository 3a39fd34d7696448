package org.dyad.query.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The highlighted snippets of a page of hits, built here from the articles' texts instead of with {@code ts_headline}.
 *
 * <p>{@code ts_headline} parses and stems the whole text of every hit (0.3–0.8 ms an article, most of a ranked page's
 * execution at 100,000 articles). Here the text is cut into words in Java; only the words that could stem to one of the
 * query's lexemes (a stem is the word, lower-cased, with at most its last letter replaced: {@code defence → defenc},
 * {@code military → militari}, {@code agency → agenc}) are sent to PostgreSQL, once for the whole page, and stemmed
 * there with the same {@code english} configuration as the search vector, so a word is marked exactly when PostgreSQL
 * would match it.
 *
 * <p>What is marked: every word whose lexeme is one of the query's <em>positive</em> lexemes ({@code querytree} of the
 * query: words, both words of a {@code "phrase"}, every alternative of an {@code or}; never an excluded {@code -word}).
 * The snippet is at most {@value #MAX_WORDS} words of the text, the window with the most different query lexemes (then
 * the most marked words, then the earliest), starting a few words before its first mark; without a mark in the text
 * (the title matched), its first {@value #MIN_WORDS} words. The text is HTML-escaped ({@code & < > " '}), so that
 * {@code <mark>} and {@code </mark>} are the only markup in a snippet whatever the article holds.
 */
final class Snippets {

    /** Words of a snippet without a mark in the text. */
    static final int MIN_WORDS = 15;

    /** Words of a snippet at most. */
    static final int MAX_WORDS = 35;

    /** Words before the first mark of a window. */
    static final int LEAD_WORDS = 3;

    /** Characters of a text that are searched for marks (the SQL sends no more than these). */
    static final int MAX_CHARS = 100_000;

    /** PostgreSQL ignores longer words ("word is too long to be indexed"), so they never match. */
    static final int MAX_WORD = 2047;

    /** Mark windows considered per text at most (a text made of one query word repeated). */
    private static final int MAX_ANCHORS = 1_000;

    private Snippets() {
    }

    /** A word of a text: UTF-16 offsets, end exclusive. */
    record Word(int start, int end) {
    }

    /** The snippets of {@code texts} for the query whose {@code querytree(query)::text} is {@code tree}. */
    static List<String> build(Connection c, String tree, List<String> texts) throws SQLException {
        Set<String> lexemes = lexemes(tree);
        List<List<Word>> words = new ArrayList<>();
        Set<String> candidates = new LinkedHashSet<>();
        for (String text : texts) {
            List<Word> w = words(text);
            words.add(w);
            for (Word word : w) {
                if (word.end() - word.start() <= MAX_WORD && couldMatch(text, word, lexemes)) {
                    candidates.add(text.substring(word.start(), word.end()));
                }
            }
        }
        Map<String, Set<String>> stems = new HashMap<>();
        if (!candidates.isEmpty()) {
            // stemmed as the search vector is; only the lexemes of the query come back
            for (String[] pair : Db.list(c, "SELECT w, l FROM unnest(?::text[]) AS w, "
                    + "unnest(tsvector_to_array(to_tsvector('english', w))) AS l WHERE l = ANY (?::text[])",
                    List.of(List.copyOf(candidates), List.copyOf(lexemes)),
                    r -> new String[] {r.getString(1), r.getString(2)})) {
                stems.computeIfAbsent(pair[0], k -> new HashSet<>()).add(pair[1]);
            }
        }
        List<String> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(snippet(texts.get(i), words.get(i), stems));
        }
        return out;
    }

    /**
     * The lexemes of a {@code tsquery}'s text ({@code 'defenc' & 'trade' <-> 'agreement'}): every quoted operand, with
     * {@code ''} read as {@code '} and a backslash escaping the next character, as PostgreSQL writes them.
     */
    static Set<String> lexemes(String tree) {
        Set<String> out = new LinkedHashSet<>();
        if (tree == null) {
            return out;
        }
        int i = 0;
        while (i < tree.length()) {
            if (tree.charAt(i) != '\'') {
                i++;
                continue;
            }
            StringBuilder lexeme = new StringBuilder();
            i++;
            while (i < tree.length()) {
                char ch = tree.charAt(i);
                if (ch == '\\' && i + 1 < tree.length()) {
                    lexeme.append(tree.charAt(i + 1));
                    i += 2;
                } else if (ch == '\'' && i + 1 < tree.length() && tree.charAt(i + 1) == '\'') {
                    lexeme.append('\'');
                    i += 2;
                } else if (ch == '\'') {
                    i++;
                    break;
                } else {
                    lexeme.append(ch);
                    i++;
                }
            }
            if (!lexeme.isEmpty()) {
                out.add(lexeme.toString());
            }
        }
        return out;
    }

    /** The words of {@code text} (runs of letters, digits and combining marks), in its first {@link #MAX_CHARS} characters. */
    static List<Word> words(String text) {
        List<Word> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = Math.min(text.length(), MAX_CHARS);
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!wordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n) {
                cp = text.codePointAt(i);
                if (!wordChar(cp)) {
                    break;
                }
                i += Character.charCount(cp);
            }
            out.add(new Word(start, Math.min(i, text.length())));
        }
        return out;
    }

    private static boolean wordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Whether {@code word} could stem to a lexeme: it starts with the lexeme less its last letter, in any case. */
    private static boolean couldMatch(String text, Word word, Set<String> lexemes) {
        int length = word.end() - word.start();
        for (String lexeme : lexemes) {
            int prefix = Math.max(0, lexeme.length() - 1);
            if (prefix <= length && text.regionMatches(true, word.start(), lexeme, 0, prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The snippet of one text, given the lexemes of the words that match ({@code stems}, by the word's own text). */
    static String snippet(String text, List<Word> words, Map<String, Set<String>> stems) {
        if (text == null) {
            return null;
        }
        if (words.isEmpty()) {
            // no word at all (punctuation, emoji): the first 240 characters, not cutting a surrogate pair
            int cut = Math.min(text.length(), 240);
            if (cut < text.length() && Character.isLowSurrogate(text.charAt(cut))) {
                cut--;
            }
            return escape(text, 0, cut, new StringBuilder()).toString();
        }
        int n = words.size();
        List<Set<String>> matched = new ArrayList<>(n);
        List<Integer> anchors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Word w = words.get(i);
            Set<String> lexemes = stems.isEmpty() ? null : stems.get(text.substring(w.start(), w.end()));
            matched.add(lexemes);
            if (lexemes != null && anchors.size() < MAX_ANCHORS) {
                anchors.add(i);
            }
        }
        int from = 0;
        int to = Math.min(n, MIN_WORDS);
        if (!anchors.isEmpty()) {
            int bestDistinct = -1;
            int bestMarks = -1;
            for (int anchor : anchors) {
                int start = Math.max(0, Math.min(anchor - LEAD_WORDS, n - MAX_WORDS));
                int end = Math.min(n, start + MAX_WORDS);
                Set<String> distinct = new HashSet<>();
                int marks = 0;
                for (int i = start; i < end; i++) {
                    if (matched.get(i) != null) {
                        distinct.addAll(matched.get(i));
                        marks++;
                    }
                }
                if (distinct.size() > bestDistinct || distinct.size() == bestDistinct && marks > bestMarks) {
                    bestDistinct = distinct.size();
                    bestMarks = marks;
                    from = start;
                    to = end;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int at = words.get(from).start();
        for (int i = from; i < to; i++) {
            Word w = words.get(i);
            escape(text, at, w.start(), out);
            if (matched.get(i) != null) {
                escape(text, w.start(), w.end(), out.append("<mark>")).append("</mark>");
            } else {
                escape(text, w.start(), w.end(), out);
            }
            at = w.end();
        }
        // the punctuation that closes the last word (a full stop, a closing quotation mark), not what follows it
        int end = at;
        while (end < text.length() && end - at < 3 && !Character.isWhitespace(text.charAt(end))
                && !wordChar(text.charAt(end)) && !Character.isSurrogate(text.charAt(end))) {
            end++;
        }
        return escape(text, at, end, out).toString();
    }

    /** Appends {@code text[from, to)} to {@code out} with {@code & < > " '} escaped for HTML. */
    static StringBuilder escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out;
    }
}
