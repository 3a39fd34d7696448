package org.dyad.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalysedTextTest {

    private static final String BODY = "The defence ministers of Pakistan and Russia met in Islamabad on Thursday.";

    @Test
    void theHeadlineIsTheFirstParagraphAndTheBodyFollowsUnchanged() {
        String headline = "Pakistan, Russia sign 'milestone' military cooperation pact";
        String analysed = AnalysedText.of(headline, BODY);
        assertThat(analysed).isEqualTo(headline + "\n\n" + BODY);
        int bodyStart = AnalysedText.bodyStart(headline, BODY);
        assertThat(analysed.substring(bodyStart)).isEqualTo(BODY);
    }

    @Test
    void aHeadlineOverSeveralLinesBecomesOneLine() {
        assertThat(AnalysedText.of("  Pakistan, Russia\n sign pact ", BODY))
                .isEqualTo("Pakistan, Russia sign pact\n\n" + BODY);
    }

    @Test
    void noHeadlineOrABlankOneLeavesTheText() {
        assertThat(AnalysedText.of(null, BODY)).isSameAs(BODY);
        assertThat(AnalysedText.of(" \n ", BODY)).isSameAs(BODY);
        assertThat(AnalysedText.bodyStart(null, BODY)).isZero();
    }

    @Test
    void aTextThatAlreadyOpensWithItsHeadlineIsNotGivenItTwice() {
        String text = "Pakistan, Russia sign pact\n" + BODY;
        assertThat(AnalysedText.of("Pakistan,  Russia sign PACT", text)).isSameAs(text);
        assertThat(AnalysedText.bodyStart("Pakistan, Russia sign pact", text)).isZero();
        // a headline longer than the text, or one that is only a prefix of its first word, is still put first
        assertThat(AnalysedText.of(BODY + " More.", BODY)).startsWith(BODY + " More.\n\n");
        assertThat(AnalysedText.of("The defence minister", BODY)).startsWith("The defence minister\n\n");
    }

    @Test
    void theEnrichedArticleCarriesTheAnalysedTextAndKeepsTheRest() {
        ArticleContent content = ArticleContent.of("Headline", BODY, "seed", null, "en", null);
        ArticleContent analysed = content.analysed();
        assertThat(analysed.text()).isEqualTo("Headline\n\n" + BODY);
        assertThat(analysed).usingRecursiveComparison().ignoringFields("text").isEqualTo(content);
        ArticleContent untitled = ArticleContent.of(null, BODY, "seed", null, "en", null);
        assertThat(untitled.analysed()).isSameAs(untitled);
    }
}
