package org.dyad.ingest.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    @Test
    void decomposedCharactersAreComposed() {
        assertThat(TextCleaner.clean("Tu\u0308rkiye")).isEqualTo("T\u00fcrkiye");
    }

    @Test
    void lineBreaksAndBlanksAreTidied() {
        assertThat(TextCleaner.clean("  One  line.  \r\nTwo\r\n\r\n\r\n\r\nThree\t \n"))
                .isEqualTo("One line.\nTwo\n\nThree");
    }

    @Test
    void sameArticleWithOtherWhitespaceCleansTheSame() {
        assertThat(TextCleaner.clean("A  text.\r\n")).isEqualTo(TextCleaner.clean("A text."));
    }
}
