package org.dyad.ingest.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class LanguageGuessTest {

    @Test
    void seedsAreEnglishWithHighConfidence() throws IOException {
        for (String seed : new String[] {"000_0de1ffbfcb81e0bd.txt", "003_3ff7820031d02dd9.txt"}) {
            LanguageGuess guess = LanguageGuess.of(ArticleCleanerTest.seedBody(seed));
            assertThat(guess.code()).as(seed).isEqualTo("en");
            assertThat(guess.confidence()).as(seed).isGreaterThan(0.5);
        }
    }

    @Test
    void otherLanguagesAreToldApart() {
        assertThat(LanguageGuess.of("Le ministre turc des Affaires étrangères s'est rendu à Islamabad jeudi.").code())
                .isEqualTo("fr");
        assertThat(LanguageGuess.of("Der türkische Außenminister besuchte am Donnerstag Islamabad.").code())
                .isEqualTo("de");
        assertThat(LanguageGuess.of("Министр обороны России посетил Исламабад в четверг.").code()).isEqualTo("ru");
        assertThat(LanguageGuess.of("ترک وزیر خارجہ نے جمعرات کو اسلام آباد کا دورہ کیا۔").code()).isEqualTo("ur");
    }

    @Test
    void textWithoutLettersIsUndetermined() {
        assertThat(LanguageGuess.of("12345 !!! 678")).isEqualTo(LanguageGuess.UNDETERMINED);
    }
}
