package org.dyad.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShinglesTest {

    @Test
    void caseAndPunctuationAndWhitespaceDoNotChangeTheShingles() {
        assertThat(Shingles.of("Turkish Foreign Minister Hakan Fidan's recent visit to Islamabad.", 5))
                .isEqualTo(Shingles.of("turkish   foreign minister,\n\nhakan FIDAN S recent visit -- to islamabad", 5));
    }

    @Test
    void aTextOfNWordsHasNMinusKPlusOneShingles() {
        assertThat(Shingles.of("one two three four five six seven", 5)).hasSize(3);
        assertThat(Shingles.of("one two three four five six seven", 3)).hasSize(5);
    }

    @Test
    void wordOrderMatters() {
        assertThat(Shingles.of("one two three four five", 5)).isNotEqualTo(Shingles.of("five four three two one", 5));
    }

    @Test
    void aTextShorterThanKWordsHasOneShingleAndOneWithoutWordsHasNone() {
        assertThat(Shingles.of("Breaking: ceasefire", 5)).hasSize(1);
        assertThat(Shingles.of(" ... — ", 5)).isEmpty();
    }

    @Test
    void hashesAreNonNegativeBecauseTheMinHashFamilyWorksModuloAPositivePrime() {
        assertThat(Shingles.of("Ünïcode wörds and 123 numbers, and Ελληνικά λέξεις too, with more words after them", 2))
                .allSatisfy(h -> assertThat(h).isNotNegative());
    }

    @Test
    void lettersOfOtherScriptsAreWords() {
        assertThat(Shingles.words("Ελληνικά λέξεις, اردو الفاظ")).containsExactly("ελληνικά", "λέξεις", "اردو", "الفاظ");
    }

    @org.junit.jupiter.api.Test
    void wordsAreTheRegularExpressionsSplit() {
        // the loop replaced [^\p{L}\p{N}]+: stored signatures depend on the two splitting alike
        java.util.regex.Pattern nonWord = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
        for (String text : java.util.List.of("", "  ", "Pakistan, Russia sign 'milestone' pact", "  leading and trailing  ",
                "Ünïcödé Straße İstanbul ŞEHİR", "29% tariff — $1.5bn; 2021-09-01", "½ Ⅻ ٣ ४ ² x²", "emoji 😀 here𝐀𝐁 and 𝟙𝟚",
                "tabs\tand\nnewlines\r\nmixed", "ΑΘΗΝΑ Москва قطر 北京 東京", "apostrophe’s and hyphen-ated", "a_b__c")) {
            java.util.List<String> expected = new java.util.ArrayList<>();
            for (String w : nonWord.split(text.toLowerCase(java.util.Locale.ROOT))) {
                if (!w.isEmpty()) {
                    expected.add(w);
                }
            }
            org.assertj.core.api.Assertions.assertThat(Shingles.words(text)).as(text).isEqualTo(expected);
            org.assertj.core.api.Assertions.assertThat(Shingles.hashes(text, 5)).as(text)
                    .containsExactly(Shingles.of(text, 5).stream().mapToInt(Integer::intValue).sorted().toArray());
        }
    }
}
