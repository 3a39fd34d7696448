package org.dyad.ingest.cleaning;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Detects the language of an article with Lingua over the languages news feeds commonly carry.
 * Models load on first use and are shared; the detector is thread-safe.
 *
 * @param code ISO 639-1 code, or {@code und} when no language could be told
 * @param confidence Lingua's confidence in the detected language, 0 to 1
 */
public record LanguageGuess(String code, double confidence) {

    /**
     * The head of a long article is read first, cut at a word boundary: Lingua's low-accuracy mode is made for
     * texts of more than ~120 characters, and its cost grows with the length (150 characters cost about a sixth
     * of 1,000; bench/ingest/README.md). When the head does not decide clearly (below {@link #SURE}), a longer
     * sample is read, so a short head can only cost accuracy where a longer one would have been read anyway.
     */
    static final int SAMPLE_CHARS = 150;
    static final int LONG_SAMPLE_CHARS = 1000;
    /** A head's answer at or above this confidence stands. */
    static final double SURE = 0.9;

    public static final LanguageGuess UNDETERMINED = new LanguageGuess("und", 0);

    private static final class Holder {
        static final LanguageDetector DETECTOR = LanguageDetectorBuilder.fromLanguages(
                Language.ENGLISH, Language.FRENCH, Language.GERMAN, Language.SPANISH, Language.PORTUGUESE,
                Language.ITALIAN, Language.DUTCH, Language.SWEDISH, Language.POLISH, Language.RUSSIAN,
                Language.UKRAINIAN, Language.TURKISH, Language.AZERBAIJANI, Language.ARABIC, Language.PERSIAN,
                Language.URDU, Language.HINDI, Language.BENGALI, Language.CHINESE, Language.JAPANESE,
                Language.KOREAN, Language.INDONESIAN, Language.GREEK, Language.HEBREW)
                .withLowAccuracyMode()
                .build();
    }

    /** The most likely language of the text and its confidence. */
    public static LanguageGuess of(String text) {
        LanguageGuess head = guess(head(text, SAMPLE_CHARS));
        if (head.confidence() >= SURE || text.length() <= SAMPLE_CHARS) {
            return head;
        }
        return guess(head(text, LONG_SAMPLE_CHARS));
    }

    private static String head(String text, int chars) {
        if (text.length() <= chars) {
            return text;
        }
        int end = text.lastIndexOf(' ', chars);
        return text.substring(0, end > chars / 2 ? end : chars);
    }

    private static LanguageGuess guess(String sample) {
        SortedMap<Language, Double> values = Holder.DETECTOR.computeLanguageConfidenceValues(sample);
        if (values.isEmpty()) {
            return UNDETERMINED;
        }
        Map.Entry<Language, Double> best = values.entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow();
        if (best.getKey() == Language.UNKNOWN) {
            return UNDETERMINED;
        }
        return new LanguageGuess(best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT),
                Math.round(best.getValue() * 1000) / 1000.0);
    }
}
