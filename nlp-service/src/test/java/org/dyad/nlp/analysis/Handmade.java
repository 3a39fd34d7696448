package org.dyad.nlp.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.Sentence;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Token;

/**
 * A hand-built {@link ParsedText} for edge cases, without the engine: words and punctuation marks are tokens, a
 * line or a full stop followed by a space ends a sentence, a few verbs get their lemma and a verb tag, and the
 * mentions are the ones the test names.
 */
final class Handmade {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.,'’-]*[\\p{L}\\p{N}]|\\S");
    private static final Map<String, String> VERBS = Map.ofEntries(Map.entry("said", "say"),
            Map.entry("says", "say"), Map.entry("told", "tell"), Map.entry("added", "add"),
            Map.entry("stated", "state"), Map.entry("met", "meet"), Map.entry("meet", "meet"),
            Map.entry("signed", "sign"), Map.entry("will", "will"), Map.entry("is", "be"), Map.entry("was", "be"),
            Map.entry("announced", "announce"), Map.entry("invested", "invest"), Map.entry("visited", "visit"), Map.entry("warned", "warn"));

    private final String text;
    private final LocalDate publishedAt;
    private final List<EntityMention> mentions = new ArrayList<>();
    private final List<String[]> tags = new ArrayList<>();

    private Handmade(String text, LocalDate publishedAt) {
        this.text = text;
        this.publishedAt = publishedAt;
    }

    static Handmade of(String text, LocalDate publishedAt) {
        return new Handmade(text, publishedAt);
    }

    /** A mention of {@code type} on the {@code occurrence}-th (0-based) appearance of {@code surface}. */
    Handmade mention(String type, String surface, int occurrence, String name) {
        int at = -1;
        for (int i = 0; i <= occurrence; i++) {
            at = text.indexOf(surface, at + 1);
        }
        if (at < 0) {
            throw new IllegalArgumentException("no " + surface);
        }
        mentions.add(new EntityMention(type.toLowerCase(Locale.ROOT) + ":" + name.toLowerCase(Locale.ROOT)
                .replace(' ', '-'), name, type, surface, at, at + surface.length(), 0));
        return this;
    }

    Handmade mention(String type, String surface) {
        return mention(type, surface, 0, surface);
    }

    /** Tags every token of {@code surface} with the engine tag {@code ner} and normalised value {@code value}. */
    Handmade tag(String surface, String ner, String value) {
        tags.add(new String[] {surface, ner, value});
        return this;
    }

    ParsedText parse() {
        List<Token> tokens = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int sentence = 0;
        int sentenceStart = -1;
        int lastEnd = 0;
        while (m.find()) {
            String word = m.group();
            if (word.endsWith(".") && word.length() > 1) {
                word = word.substring(0, word.length() - 1);
            }
            int start = m.start();
            int end = start + word.length();
            if (sentenceStart >= 0 && text.substring(lastEnd, start).contains("\n")) {
                sentences.add(new Sentence(sentence++, sentenceStart, lastEnd));
                sentenceStart = -1;
            }
            if (sentenceStart < 0) {
                sentenceStart = start;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            String lemma = VERBS.getOrDefault(lower, lower);
            String pos = VERBS.containsKey(lower) ? (lower.equals("will") ? "MD" : "VBD")
                    : lower.matches("he|she|they|it") ? "PRP" : "NN";
            String ner = "O";
            String value = null;
            for (String[] tag : tags) {
                int at = text.indexOf(tag[0]);
                if (at >= 0 && start >= at && end <= at + tag[0].length()) {
                    ner = tag[1];
                    value = tag[2];
                }
            }
            tokens.add(new Token(tokens.size(), sentence, word, start, end, pos, lemma, ner, value));
            lastEnd = end;
            if (word.equals(".") || word.equals("!") || word.equals("?")) {
                sentences.add(new Sentence(sentence++, sentenceStart, end));
                sentenceStart = -1;
            } else if (end < m.end()) {
                tokens.add(new Token(tokens.size(), sentence, ".", end, m.end(), ".", ".", "O", null));
                lastEnd = m.end();
                sentences.add(new Sentence(sentence++, sentenceStart, m.end()));
                sentenceStart = -1;
            }
        }
        if (sentenceStart >= 0) {
            sentences.add(new Sentence(sentence, sentenceStart, lastEnd));
        }
        List<EntityMention> placed = mentions.stream()
                .map(x -> new EntityMention(x.entityId(), x.name(), x.type(), x.text(), x.start(), x.end(),
                        tokens.stream().filter(t -> t.start() >= x.start()).findFirst().map(Token::sentence).orElse(0)))
                .toList();
        return new ParsedText(text, publishedAt, sentences, tokens, placed, List.of());
    }
}
