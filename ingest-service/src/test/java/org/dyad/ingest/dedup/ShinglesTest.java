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
}
