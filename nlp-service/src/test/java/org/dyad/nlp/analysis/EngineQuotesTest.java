package org.dyad.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.dyad.contracts.Quote;
import org.dyad.nlp.pipeline.ParsedText;
import org.junit.jupiter.api.Test;

/**
 * Quotations over several paragraphs, through the real engine: news style reopens a long quotation at the start of
 * each paragraph and closes it only at the end of the last one; the whole span is one quotation, with its speaker.
 */
class EngineQuotesTest {

    private static final QuoteFinder FINDER = QuoteFinder.standard();
    private static final LocalDate PUBLISHED = LocalDate.of(2025, 3, 7);

    @Test
    void aQuotationOverThreeParagraphsIsOneQuotationOfTheSpeakerWhoOpensIt() {
        String text = "ISLAMABAD – Pakistan and Turkey will hold joint naval drills next month, Defence Minister "
                + "Khawaja Asif said on Friday.\n\n"
                + "Asif told reporters in Islamabad: “The drills will take place in the Arabian Sea and last two weeks.\n\n"
                + "“Our navies have trained together for years, and this time Azerbaijan will join us.\n\n"
                + "“It is a milestone for the three countries.”\n\n"
                + "The Turkish embassy did not comment.";
        ParsedText parsed = EngineParses.parse(text, PUBLISHED);
        List<Quote> quotes = FINDER.find(parsed);
        assertThat(quotes).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("The drills will take place in the Arabian Sea and last two weeks.\n"
                    + "Our navies have trained together for years, and this time Azerbaijan will join us.\n"
                    + "It is a milestone for the three countries.");
            assertThat(text.substring(q.start(), q.end())).startsWith("The drills").endsWith("three countries.");
            assertThat(q.speakerName()).isEqualTo("Khawaja Asif");
            assertThat(text.substring(q.speakerStart(), q.speakerEnd())).isEqualTo("Asif");
            assertThat(q.sentence()).isEqualTo(DateFinder.sentenceAt(parsed, text.indexOf("The drills")));
        });
    }

    @Test
    void aQuotationOverParagraphsIsAttributedAfterItsClosingMark() {
        String text = "Turkey and Pakistan held talks in Islamabad on Thursday.\n\n"
                + "“We discussed trade, energy and security.\n\n"
                + "“We will meet again in Ankara in May,” Turkish Foreign Minister Hakan Fidan said after the talks.";
        List<Quote> quotes = FINDER.find(EngineParses.parse(text, PUBLISHED));
        assertThat(quotes).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("We discussed trade, energy and security.\n"
                    + "We will meet again in Ankara in May");
            assertThat(q.speakerName()).isEqualTo("Hakan Fidan");
        });
    }
}
