package org.dyad.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HtmlArticlesTest {

    static String page(String name) throws IOException {
        try (InputStream in = HtmlArticlesTest.class.getResourceAsStream("/html/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void mainTextKeepsParagraphsAndHeadingsAndNothingElse() throws IOException {
        ArticleDraft draft = HtmlArticles.parse(page("news-page.html"), "https://news.example/pk-tr");

        assertThat(draft.body())
                .contains("Turkish Foreign Minister Hakan Fidan arrived in Islamabad")
                .contains("Energy cooperation")
                .contains("praised Pakistan's role in regional stability")
                .doesNotContain("SCRIPT-LEAK", "STYLE-LEAK", "NAV-LEAK", "ASIDE-LEAK", "FOOTER-LEAK", "Home");
        assertThat(draft.body().split("\n\n")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void jsonLdNewsArticleGivesTitleAuthorAndDate() throws IOException {
        ArticleDraft draft = HtmlArticles.parse(page("news-page.html"), "https://news.example/pk-tr");

        assertThat(draft.title()).isEqualTo("Pakistan and Turkey deepen defence ties");
        assertThat(draft.author()).isEqualTo("Ayesha Khan, Mehmet Yilmaz");
        assertThat(draft.publishedAt()).isEqualTo(LocalDate.of(2025, 7, 9));
        assertThat(draft.dateSource()).isEqualTo("html-meta");
        assertThat(draft.source()).isEqualTo("The Daily Wire Service");
    }

    @Test
    void metaTagsAreTheFallbackWithoutJsonLd() {
        String html = """
                <html><head><title>Plain page</title>
                <meta property="og:title" content="Dar and Rubio discuss trade">
                <meta name="author" content="Staff Reporter">
                <meta property="article:published_time" content="2025-04-10T23:30:00-04:00">
                </head><body><article>
                <p>Foreign Minister Ishaq Dar held his first official call with US Secretary of State Marco Rubio on Thursday.</p>
                <p>The conversation marks a renewed push to rebuild ties between the two nations amid regional challenges.</p>
                </article></body></html>""";
        ArticleDraft draft = HtmlArticles.parse(html, null);

        assertThat(draft.title()).isEqualTo("Dar and Rubio discuss trade");
        assertThat(draft.author()).isEqualTo("Staff Reporter");
        assertThat(draft.publishedAt()).isEqualTo(LocalDate.of(2025, 4, 11));
        assertThat(draft.body()).startsWith("Foreign Minister Ishaq Dar held");
    }

    @Test
    void pageWithOnlyScriptsHasNoText() {
        ArticleDraft draft = HtmlArticles.parse("<html><body><script>alert('x')</script></body></html>", null);

        assertThat(draft.body()).isBlank();
    }
}
