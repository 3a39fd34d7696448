package org.dyad.ingest.cleaning;

import org.dyad.contracts.CleaningRecord;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.dyad.ingest.service.ArticleDraft;
import org.dyad.ingest.service.PlainTextArticles;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

    private final ArticleCleaner cleaner = new ArticleCleaner(BoilerplateRules.standard());

    static String seedBody(String name) throws IOException {
        try (InputStream in = ArticleCleanerTest.class.getResourceAsStream("/" + name)) {
            ArticleDraft draft = PlainTextArticles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return draft.body();
        }
    }

    @Test
    void seed003KeepsItsArticleAndHeadingsAndLosesAllBoilerplate() throws IOException {
        ArticleCleaner.Cleaned cleaned = cleaner.clean(seedBody("003_3ff7820031d02dd9.txt"));
        String text = cleaned.text();

        assertThat(text).doesNotContain("Share the latest news updates", "Bushra Bibi", "Follow us on",
                "Google News", "Leave a comment", "Your email address", "Exit mobile version");
        assertThat(text).contains("Strengthening Bilateral Ties", "Focus on Counterterrorism",
                "Addressing Afghanistan and Military Equipment", "Trade Amid Tariff Tensions", "A Promising Start");
        assertThat(text).startsWith("In a crucial diplomatic development")
                .contains("Ali Hasnain, associate professor of economics at LUMS");
        assertThat(text.substring(text.lastIndexOf("\n\n") + 2))
                .startsWith("The phone call between Dar and Rubio signals a potentially productive phase");
        assertThat(cleaned.record().removedLines())
                .extracting(CleaningRecord.RemovedLine::rule)
                .containsExactly("share-prompt", "teaser", "follow-prompt", "share-prompt", "comment-form",
                        "comment-form", "site-chrome");
        assertThat(cleaned.record().duplicateParagraphs()).isZero();
    }

    @Test
    void seed003KeepsEveryRealParagraph() throws IOException {
        String raw = seedBody("003_3ff7820031d02dd9.txt");
        long wordyLines = Arrays.stream(raw.split("\n")).filter(l -> l.split("\\s+").length > 30).count();
        String text = cleaner.clean(raw).text();

        assertThat(Arrays.stream(text.split("\n\n")).filter(l -> l.split("\\s+").length > 30).count())
                .isEqualTo(wordyLines);
    }

    @Test
    void bodyRepeatedWholeInSeed002IsCollapsedToOneCopy() throws IOException {
        ArticleCleaner.Cleaned cleaned = cleaner.clean(seedBody("002_9eeae5c25ec30b8d.txt"));

        String sentence = "The defence ministers of Pakistan and Russia met in Islamabad on Thursday";
        assertThat(cleaned.text().indexOf(sentence)).isNotNegative()
                .isEqualTo(cleaned.text().lastIndexOf(sentence));
        assertThat(cleaned.text()).containsOnlyOnce("Our ties with Moscow");
        assertThat(cleaned.record().bodyRepeated()).isTrue();
        assertThat(cleaned.record().duplicateParagraphs()).isEqualTo(17);
        assertThat(cleaned.text()).startsWith("Khawaja Asif says").contains("ISLAMABAD:");
    }

    @Test
    void cleanSeedsLoseNothing() throws IOException {
        for (String seed : new String[] {"000_0de1ffbfcb81e0bd.txt", "001_37f67198f4bc57ab.txt"}) {
            String body = seedBody(seed);
            ArticleCleaner.Cleaned cleaned = cleaner.clean(body);
            assertThat(cleaned.record().removedLines()).as(seed).isEmpty();
            assertThat(cleaned.record().duplicateParagraphs()).as(seed).isZero();
            assertThat(cleaned.text().replaceAll("\\s+", " ")).as(seed).isEqualTo(body.strip().replaceAll("\\s+", " "));
        }
    }

    @Test
    void sentencesThatStartLikePromptsAreNotBoilerplate() {
        String body = """
                Follow-up talks between the two delegations are planned for next month in Ankara, officials said.
                Read the statement below.
                Share prices in Karachi rose after the announcement.
                Comments
                """;
        ArticleCleaner.Cleaned cleaned = cleaner.clean(body);

        assertThat(cleaned.text()).contains("Follow-up talks", "Read the statement below.", "Share prices in Karachi");
        assertThat(cleaned.record().removedLines()).extracting(CleaningRecord.RemovedLine::text).containsExactly("Comments");
    }

    @Test
    void repeatedParagraphIsDroppedButShortRecurringLinesStay() {
        String body = "ISLAMABAD:\nThe ministers signed the pact on Thursday.\nISLAMABAD:\nThe ministers signed the pact on Thursday.\n";
        ArticleCleaner.Cleaned cleaned = cleaner.clean(body);

        assertThat(cleaned.text()).isEqualTo("ISLAMABAD:\n\nThe ministers signed the pact on Thursday.\n\nISLAMABAD:");
        assertThat(cleaned.record().duplicateParagraphs()).isEqualTo(1);
        assertThat(cleaned.record().bodyRepeated()).isFalse();
    }

    @Test
    void decomposedUnicodeIsRecorded() {
        assertThat(cleaner.clean("Tu\u0308rkiye and Pakistan.").record().unicodeNormalised()).isTrue();
        assertThat(cleaner.clean("T\u00fcrkiye and Pakistan.").record().unicodeNormalised()).isFalse();
    }
}
