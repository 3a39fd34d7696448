package org.dyad.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PlainTextArticlesTest {

    static String seed(String name) throws IOException {
        try (InputStream in = PlainTextArticlesTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void dateHeaderOfSeedBecomesThePublicationDateAndLeavesTheText() throws IOException {
        ArticleDraft draft = PlainTextArticles.parse(seed("000_0de1ffbfcb81e0bd.txt"));

        assertThat(draft.publishedAt()).isEqualTo(LocalDate.of(2025, 7, 9));
        assertThat(draft.dateSource()).isEqualTo("header");
        assertThat(draft.body()).startsWith("As India showcases its military prowess");
        assertThat(draft.title()).isNull();
    }

    @Test
    void headlineOnTheFirstLineBecomesTheTitle() throws IOException {
        ArticleDraft draft = PlainTextArticles.parse(seed("002_9eeae5c25ec30b8d.txt"));

        assertThat(draft.title()).isEqualTo("Pakistan, Russia sign 'milestone' military cooperation pact");
        assertThat(draft.body()).startsWith("Khawaja Asif says strong ties");
        assertThat(draft.publishedAt()).isNull();
    }

    @Test
    void sentenceOnTheFirstLineIsNotATitle() {
        ArticleDraft draft = PlainTextArticles.parse("The ministers met on Monday.\nThey signed a pact.");

        assertThat(draft.title()).isNull();
        assertThat(draft.body()).startsWith("The ministers met");
    }

    @Test
    void impossibleHeaderDateIsRejected() {
        assertThatThrownBy(() -> PlainTextArticles.parse(" date 2025-02-30 Text follows."))
                .isInstanceOf(InvalidArticleException.class)
                .extracting(e -> ((InvalidArticleException) e).type()).isEqualTo("invalid-date");
    }
}
