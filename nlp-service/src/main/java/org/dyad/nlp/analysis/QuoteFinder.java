package org.dyad.nlp.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dyad.contracts.Entity;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.Quote;
import org.dyad.contracts.Role;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Token;

/**
 * Quotations and their speakers, by rules over the tokens and entity mentions (no coreference): a span between
 * quotation marks, straight or curly, double or single; the attributing clause right after it ("..., Shoigu said")
 * or before it ("spokesperson Tasneem Aslam said, ..."), found by a speech verb; the speaker is the PERSON mention
 * in that clause nearest the verb, else a pronoun or a title ("he", "the premier") resolved to the most recent
 * (matching) person, else an ORGANIZATION or COUNTRY mention, else the speaker of the quotation just before.
 */
final class QuoteFinder {

    private static final String DOUBLE_OPEN = "“„«";
    private static final String DOUBLE_CLOSE = "”»\"";
    private static final String SINGLE_OPEN = "‘‚‹'";
    private static final String SINGLE_CLOSE = "’‘›'";
    private static final int MAX_QUOTE = 2000;
    /** At most this many paragraphs, and MAX_QUOTE characters each, in one quotation that spans paragraphs. */
    private static final int MAX_PARAGRAPHS = 8;
    /** How many tokens after a closing mark the trailing clause's verb may be ("...," the minister told reporters). */
    private static final int TRAILING_VERB_WINDOW = 8;
    /** How many sentences back the previous quotation's speaker still speaks ("The statement stated that ..."). */
    private static final int CONTINUATION_SENTENCES = 3;
    private static final Set<String> PERSONAL_PRONOUNS = Set.of("he", "she");
    private static final Set<String> SPEAKER_TYPES = Set.of("ORGANIZATION", "COUNTRY");

    private final Set<String> speechVerbs;
    private final Map<String, String> titleHeads = new HashMap<>();
    private final Map<String, String> titleModifiers = new HashMap<>();

    QuoteFinder(Lexicon speechVerbs, Lexicon titles) {
        this.speechVerbs = Set.copyOf(speechVerbs.words());
        for (List<String> row : titles.rows()) {
            String word = row.get(0).toLowerCase(Locale.ROOT);
            String normalised = row.size() > 2 && !row.get(2).isEmpty() ? row.get(2) : word;
            (row.get(1).equals("head") ? titleHeads : titleModifiers).putIfAbsent(word, normalised);
        }
    }

    static QuoteFinder standard() {
        return new QuoteFinder(Lexicon.load("speech-verbs.tsv"), Lexicon.load("titles.tsv"));
    }

    /**
     * A quotation's marks: the offsets of its opening and closing quotation mark, and of the marks that reopen it at
     * the start of each paragraph it continues into (empty for a quotation within one paragraph).
     */
    record Marks(int open, int close, List<Integer> reopened) {
        boolean contains(int offset) {
            return offset >= open && offset <= close;
        }
    }

    List<Quote> find(ParsedText parsed) {
        List<Marks> marks = marks(parsed.text());
        Map<String, Set<String>> titles = titlesByEntity(parsed);
        List<Quote> quotes = new ArrayList<>();
        Speaker previous = null;
        int previousSentence = -100;
        int previousClose = -1;
        for (Marks m : marks) {
            int[] inner = inner(parsed.text(), m);
            if (inner == null) {
                continue;
            }
            int sentence = DateFinder.sentenceAt(parsed, inner[0]);
            Speaker speaker = speaker(parsed, marks, m, titles);
            if (speaker == null && previous != null && sentence - previousSentence <= CONTINUATION_SENTENCES
                    && (hasSpeechVerb(parsed, marks, m) || sameParagraph(parsed.text(), previousClose, m.open()))) {
                // "The statement made in an interview stated that '...'"; "“...,” Dar said. “...”": a quotation
                // with no attribution of its own goes on in the paragraph of the one just attributed
                speaker = previous;
            }
            String text = quotedText(parsed.text(), m, inner);
            quotes.add(speaker == null
                    ? new Quote(text, inner[0], inner[1], sentence, null, null, -1, -1)
                    : new Quote(text, inner[0], inner[1], sentence,
                            speaker.mention().entityId(), speaker.mention().name(), speaker.mention().start(),
                            speaker.mention().end()));
            if (speaker != null) {
                previous = speaker;
                previousSentence = DateFinder.sentenceAt(parsed, m.close());
                previousClose = m.close();
            }
        }
        return List.copyOf(quotes);
    }

    /** No line break between the two offsets. */
    private static boolean sameParagraph(String text, int from, int to) {
        if (from < 0 || from >= to) {
            return false;
        }
        int eol = text.indexOf('\n', from);
        return eol < 0 || eol > to;
    }

    /** The mention a quotation is attributed to. */
    private record Speaker(EntityMention mention) {
    }

    // ---- quotation marks ----

    static List<Marks> marks(String text) {
        List<Marks> found = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Marks m = null;
            if (opensDouble(text, i)) {
                m = quotation(text, i, true);
            } else if (opensSingle(text, i)) {
                m = quotation(text, i, false);
            }
            if (m != null) {
                found.add(m);
                i = m.close() + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    /**
     * The quotation opened at {@code open}, closed on its line or, by the news convention for quotations of more
     * than one paragraph, in a later paragraph: a paragraph that ends with the quotation still open and the next
     * paragraph starting with an opening mark of the same kind continue one quotation, which the first closing mark
     * ends. Null when it is never closed.
     */
    private static Marks quotation(String text, int open, boolean isDouble) {
        List<Integer> reopened = new ArrayList<>();
        int from = open;
        for (int paragraph = 0; paragraph < MAX_PARAGRAPHS; paragraph++) {
            int close = closing(text, from, isDouble);
            if (close > 0) {
                return new Marks(open, close, List.copyOf(reopened));
            }
            int next = reopening(text, from, isDouble);
            if (next < 0) {
                return null;
            }
            reopened.add(next);
            from = next;
        }
        return null;
    }

    /** The opening mark that starts the paragraph after the line of {@code from}, or -1. */
    private static int reopening(String text, int from, boolean isDouble) {
        int eol = text.indexOf('\n', from);
        if (eol < 0 || eol - from > MAX_QUOTE) {
            return -1;
        }
        int k = eol;
        while (k < text.length() && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        if (k >= text.length()) {
            return -1;
        }
        return (isDouble ? opensDouble(text, k) : opensSingle(text, k)) ? k : -1;
    }

    private static boolean opensDouble(String text, int i) {
        char c = text.charAt(i);
        if (DOUBLE_OPEN.indexOf(c) >= 0) {
            return true;
        }
        return c == '"' && openingContext(text, i);
    }

    private static boolean opensSingle(String text, int i) {
        char c = text.charAt(i);
        if (SINGLE_OPEN.indexOf(c) < 0 || !openingContext(text, i)) {
            return false;
        }
        // an opening single mark precedes a word: "'milestone'", not "rock 'n' roll" or "the '90s"
        return i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
    }

    /** An opening mark follows the start, a space or an opening bracket, and precedes a non-space. */
    private static boolean openingContext(String text, int i) {
        boolean before = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || "([{—–-:".indexOf(text.charAt(i - 1)) >= 0;
        boolean after = i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
        return before && after;
    }

    /** The offset of the mark closing the one at {@code open}, on the same line, or -1. */
    private static int closing(String text, int open, boolean isDouble) {
        int limit = Math.min(text.length(), open + MAX_QUOTE);
        for (int k = open + 1; k < limit; k++) {
            char c = text.charAt(k);
            if (c == '\n') {
                return -1;
            }
            boolean nextIsWordChar = k + 1 < text.length() && Character.isLetterOrDigit(text.charAt(k + 1));
            if (isDouble) {
                if (DOUBLE_CLOSE.indexOf(c) >= 0 || (c == '“' && !nextIsWordChar)) {
                    return k;
                }
            } else if (SINGLE_CLOSE.indexOf(c) >= 0 && !nextIsWordChar) {
                // "Azerbaijan’s" is an apostrophe; a closing mark is followed by a space, punctuation or the end
                // (some sites close with an opening mark: "... in September. ‘")
                return k;
            }
        }
        return -1;
    }

    /** The quoted words; a quotation over paragraphs keeps its line breaks and loses the marks that reopen it. */
    private static String quotedText(String text, Marks m, int[] inner) {
        if (m.reopened().isEmpty()) {
            return text.substring(inner[0], inner[1]);
        }
        StringBuilder out = new StringBuilder();
        int at = inner[0];
        for (int mark : m.reopened()) {
            out.append(text, at, mark);
            at = mark + 1;
        }
        out.append(text, at, inner[1]);
        return out.toString().replaceAll("[ \\t]*\\n\\s*", "\n");
    }

    /** The quoted words without marks, surrounding spaces or the comma that hands over to the attribution. */
    private static int[] inner(String text, Marks m) {
        int start = m.open() + 1;
        int end = m.close();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && (Character.isWhitespace(text.charAt(end - 1)) || text.charAt(end - 1) == ',')) {
            end--;
        }
        for (int k = start; k < end; k++) {
            if (Character.isLetter(text.charAt(k))) {
                return new int[] {start, end};
            }
        }
        return null;
    }

    // ---- attribution ----

    private Speaker speaker(ParsedText parsed, List<Marks> all, Marks m, Map<String, Set<String>> titles) {
        List<Token> trailing = trailing(parsed, all, m);
        int verb = firstVerb(trailing, TRAILING_VERB_WINDOW);
        List<Token> clause = trailing;
        if (verb < 0) {
            clause = leading(parsed, all, m);
            verb = lastVerb(clause);
        }
        if (verb < 0) {
            return nextSentenceSpeaker(parsed, all, m);
        }
        return inClause(parsed, all, m, clause, clause.get(verb), titles);
    }

    private Speaker inClause(ParsedText parsed, List<Marks> all, Marks m, List<Token> clause, Token verb,
            Map<String, Set<String>> titles) {
        int from = clause.get(0).start();
        int to = clause.get(clause.size() - 1).end();
        Comparator<EntityMention> nearVerb = Comparator.comparingInt(x -> Math.abs(x.start() - verb.start()));
        List<EntityMention> inside = parsed.mentions().stream()
                .filter(x -> x.start() >= from && x.end() <= to && !quoted(all, x.start()))
                .toList();
        Optional<EntityMention> person = inside.stream().filter(x -> x.type().equals("PERSON")).min(nearVerb);
        if (person.isPresent()) {
            return new Speaker(person.get());
        }
        int before = Math.min(m.open(), from);
        Optional<Token> pronoun = clause.stream()
                .filter(t -> PERSONAL_PRONOUNS.contains(t.word().toLowerCase(Locale.ROOT)))
                .min(Comparator.comparingInt(t -> Math.abs(t.start() - verb.start())));
        if (pronoun.isPresent()) {
            return recentPerson(parsed, all, before, null, titles).map(Speaker::new).orElse(null);
        }
        Optional<List<String>> title = title(clause);
        if (title.isPresent()) {
            return recentPerson(parsed, all, before, title.get(), titles).map(Speaker::new).orElse(null);
        }
        return inside.stream().filter(x -> SPEAKER_TYPES.contains(x.type())).min(nearVerb).map(Speaker::new)
                .orElse(null);
    }

    /**
     * A headline's quotation with no verb of its own ("Pakistan, Russia sign 'milestone' pact") is the words of the
     * person the next sentence has speaking ("Khawaja Asif says ..."), when that sentence quotes nobody itself.
     */
    private Speaker nextSentenceSpeaker(ParsedText parsed, List<Marks> all, Marks m) {
        int sentence = DateFinder.sentenceAt(parsed, m.close());
        int next = sentence + 1;
        if (next >= parsed.sentences().size()) {
            return null;
        }
        var s = parsed.sentences().get(next);
        if (all.stream().anyMatch(x -> x.open() >= s.start() && x.open() < s.end())) {
            return null;
        }
        List<Token> tokens = parsed.tokensOf(next);
        int verb = firstVerb(tokens, tokens.size());
        if (verb < 0) {
            return null;
        }
        int verbStart = tokens.get(verb).start();
        return parsed.mentions().stream()
                .filter(x -> x.type().equals("PERSON") && x.start() >= s.start() && x.end() <= verbStart)
                .max(Comparator.comparingInt(EntityMention::start))
                .map(Speaker::new)
                .orElse(null);
    }

    /**
     * The latest PERSON mention before {@code offset} outside quotations; with a title, the latest person known
     * to hold it (all its words, else its head word), else nobody.
     */
    private Optional<EntityMention> recentPerson(ParsedText parsed, List<Marks> all, int offset, List<String> title,
            Map<String, Set<String>> titles) {
        List<EntityMention> people = parsed.mentions().stream()
                .filter(x -> x.type().equals("PERSON") && x.end() <= offset && !quoted(all, x.start()))
                .sorted(Comparator.comparingInt(EntityMention::start).reversed())
                .toList();
        if (title == null) {
            return people.stream().findFirst();
        }
        String full = String.join(" ", title);
        String head = title.get(title.size() - 1);
        Optional<EntityMention> exact = people.stream()
                .filter(p -> titles.getOrDefault(p.entityId(), Set.of()).stream().anyMatch(t -> t.endsWith(full)))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return people.stream()
                .filter(p -> titles.getOrDefault(p.entityId(), Set.of()).stream().anyMatch(t -> t.endsWith(head)))
                .findFirst();
    }

    /** The titles each person is given in the article ("Defence Minister Khawaja Asif") or by the dictionaries. */
    private Map<String, Set<String>> titlesByEntity(ParsedText parsed) {
        Map<String, Set<String>> titles = new HashMap<>();
        for (Entity e : parsed.entities()) {
            for (Role r : e.roles()) {
                if (r.title() != null) {
                    normalisedTitle(List.of(r.title().toLowerCase(Locale.ROOT).split("\\s+")))
                            .ifPresent(t -> titles.computeIfAbsent(e.id(), k -> new HashSet<>()).add(t));
                }
            }
        }
        List<Token> tokens = parsed.tokens();
        for (EntityMention p : parsed.mentions()) {
            if (!p.type().equals("PERSON")) {
                continue;
            }
            int first = firstTokenAt(tokens, p.start());
            if (first < 0) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (int i = first - 1; i >= 0 && tokens.get(i).sentence() == tokens.get(first).sentence(); i--) {
                if (!titleWord(tokens.get(i))) {
                    break;
                }
                words.add(0, tokens.get(i).word().toLowerCase(Locale.ROOT));
            }
            // an entity layer may keep the title inside the mention ("Defence Minister Khawaja Asif")
            for (int i = first; i < tokens.size() && tokens.get(i).end() <= p.end() && titleWord(tokens.get(i)); i++) {
                words.add(tokens.get(i).word().toLowerCase(Locale.ROOT));
            }
            normalisedTitle(words).ifPresent(t -> titles.computeIfAbsent(p.entityId(), k -> new HashSet<>()).add(t));
        }
        return titles;
    }

    private boolean titleWord(Token t) {
        String w = t.word().toLowerCase(Locale.ROOT);
        return "TITLE".equals(t.ner()) || titleHeads.containsKey(w) || titleModifiers.containsKey(w);
    }

    /** The title written in an attributing clause ("Azeri Defense Minister", "the premier"), normalised. */
    private Optional<List<String>> title(List<Token> clause) {
        for (int i = clause.size() - 1; i >= 0; i--) {
            String w = clause.get(i).word().toLowerCase(Locale.ROOT);
            if (titleHeads.containsKey(w)) {
                List<String> words = new ArrayList<>();
                for (int j = i; j >= 0; j--) {
                    String x = clause.get(j).word().toLowerCase(Locale.ROOT);
                    if (j < i && !titleModifiers.containsKey(x) && !"TITLE".equals(clause.get(j).ner())) {
                        break;
                    }
                    words.add(0, x);
                }
                return normalisedTitle(words).map(t -> List.of(t.split(" ")));
            }
        }
        return Optional.empty();
    }

    /** Lower case, house spellings ("defense" -> "defence", "premier" -> "prime minister"); needs a head word. */
    private Optional<String> normalisedTitle(List<String> words) {
        if (words.isEmpty() || words.stream().noneMatch(titleHeads::containsKey)) {
            return Optional.empty();
        }
        List<String> out = new ArrayList<>();
        for (String w : words) {
            String n = titleHeads.containsKey(w) ? titleHeads.get(w) : titleModifiers.getOrDefault(w, w);
            out.add(n);
        }
        return Optional.of(String.join(" ", out));
    }

    private static int firstTokenAt(List<Token> tokens, int start) {
        for (Token t : tokens) {
            if (t.start() == start) {
                return t.index();
            }
            if (t.start() > start) {
                break;
            }
        }
        return -1;
    }

    /** Tokens after the closing mark, to the end of its sentence or the next quotation. */
    private static List<Token> trailing(ParsedText parsed, List<Marks> all, Marks m) {
        int sentence = DateFinder.sentenceAt(parsed, m.close());
        int stop = all.stream().filter(x -> x.open() > m.close()).mapToInt(Marks::open).min().orElse(Integer.MAX_VALUE);
        return parsed.tokensOf(sentence).stream().filter(t -> t.start() > m.close() && t.end() <= stop).toList();
    }

    /** Tokens before the opening mark, from the start of its sentence or the previous quotation. */
    private static List<Token> leading(ParsedText parsed, List<Marks> all, Marks m) {
        int sentence = DateFinder.sentenceAt(parsed, m.open());
        int from = all.stream().filter(x -> x.close() < m.open()).mapToInt(Marks::close).max().orElse(-1);
        return parsed.tokensOf(sentence).stream().filter(t -> t.start() > from && t.end() <= m.open()).toList();
    }

    private boolean hasSpeechVerb(ParsedText parsed, List<Marks> all, Marks m) {
        return firstVerb(trailing(parsed, all, m), TRAILING_VERB_WINDOW) >= 0 || lastVerb(leading(parsed, all, m)) >= 0;
    }

    private int firstVerb(List<Token> clause, int window) {
        for (int i = 0; i < Math.min(window, clause.size()); i++) {
            if (isSpeechVerb(clause, i)) {
                return i;
            }
        }
        return -1;
    }

    private int lastVerb(List<Token> clause) {
        for (int i = clause.size() - 1; i >= 0; i--) {
            if (isSpeechVerb(clause, i)) {
                return i;
            }
        }
        return -1;
    }

    private boolean isSpeechVerb(List<Token> clause, int i) {
        Token t = clause.get(i);
        if (t.word().equalsIgnoreCase("according")) {
            return i + 1 < clause.size() && clause.get(i + 1).word().equalsIgnoreCase("to");
        }
        return t.pos() != null && t.pos().startsWith("VB") && t.lemma() != null && speechVerbs.contains(t.lemma());
    }

    private static boolean quoted(List<Marks> all, int offset) {
        return all.stream().anyMatch(x -> x.contains(offset));
    }
}
