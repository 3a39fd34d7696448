package org.dyad.ingest.cleaning;

import org.dyad.contracts.CleaningRecord;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dyad.ingest.dedup.Shingles;

/**
 * Turns an article body into the cleaned text that NLP offsets refer to, and records what it did:
 * Unicode NFC and whitespace tidying, boilerplate lines removed by rule, repeated paragraphs (and a
 * body repeated whole) collapsed to their first copy. Paragraphs are joined by one empty line.
 */
public final class ArticleCleaner {

    /** A repeated paragraph shorter than this stays: short lines ("ISLAMABAD:") legitimately recur. */
    static final int MIN_WORDS_FOR_DUPLICATE = 5;
    private static final int MIN_PARAGRAPHS_FOR_REPEATED_BODY = 3;
    private static final int MAX_RECORDED_LINE = 200;

    private final BoilerplateRules rules;

    public ArticleCleaner(BoilerplateRules rules) {
        this.rules = rules;
    }

    /** The cleaned text and the record of what cleaning did. */
    public record Cleaned(String text, CleaningRecord record) {
    }

    public Cleaned clean(String body) {
        boolean unicodeChanged = !Normalizer.isNormalized(body, Normalizer.Form.NFC);
        String tidy = TextCleaner.clean(body);

        List<CleaningRecord.RemovedLine> removed = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        for (String line : tidy.split("\n")) {
            String paragraph = line.strip();
            if (paragraph.isEmpty()) {
                continue;
            }
            Optional<String> rule = rules.match(paragraph);
            if (rule.isPresent()) {
                removed.add(new CleaningRecord.RemovedLine(rule.get(), abbreviate(paragraph)));
            } else {
                paragraphs.add(paragraph);
            }
        }

        Map<String, Integer> firstSeen = new HashMap<>();
        List<String> kept = new ArrayList<>();
        List<int[]> duplicates = new ArrayList<>(); // {index of the copy, index of the original}
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            // the paragraph's words, lower case, letters and digits only: copies differing in punctuation match
            List<String> words = Shingles.words(paragraph);
            String key = String.join(" ", words);
            Integer original = firstSeen.putIfAbsent(key, i);
            if (original != null && words.size() >= MIN_WORDS_FOR_DUPLICATE) {
                duplicates.add(new int[] {i, original});
            } else {
                kept.add(paragraph);
            }
        }
        CleaningRecord record = new CleaningRecord(removed, duplicates.size(), isRepeatedBlock(duplicates),
                unicodeChanged);
        return new Cleaned(String.join("\n\n", kept), record);
    }

    /** True when the copies form one run that repeats a run of originals in the same order. */
    private static boolean isRepeatedBlock(List<int[]> duplicates) {
        if (duplicates.size() < MIN_PARAGRAPHS_FOR_REPEATED_BODY) {
            return false;
        }
        for (int k = 1; k < duplicates.size(); k++) {
            if (duplicates.get(k)[0] != duplicates.get(k - 1)[0] + 1 || duplicates.get(k)[1] != duplicates.get(k - 1)[1] + 1) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String line) {
        return line.length() <= MAX_RECORDED_LINE ? line : line.substring(0, MAX_RECORDED_LINE - 1) + "…";
    }
}
