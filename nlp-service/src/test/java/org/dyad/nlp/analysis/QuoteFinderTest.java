package org.dyad.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.dyad.contracts.Quote;
import org.junit.jupiter.api.Test;

/** Quotation marks and attribution rules on hand-built parses. */
class QuoteFinderTest {

    private static final QuoteFinder FINDER = QuoteFinder.standard();

    @Test
    void straightAndCurlyMarksBothOpenAndClose() {
        List<Quote> quotes = FINDER.find(Handmade.of("\"We agree,\" said Dar.\n“Talks went well,” Rubio said.\n"
                + "Dar told reporters: ‘It’s a good day.’", null)
                .mention("PERSON", "Dar", 0, "Ishaq Dar").mention("PERSON", "Rubio", 0, "Marco Rubio")
                .mention("PERSON", "Dar", 1, "Ishaq Dar").parse());
        assertThat(quotes).extracting(Quote::text, Quote::speakerName)
                .containsExactly(tuple("We agree", "Ishaq Dar"), tuple("Talks went well", "Marco Rubio"),
                        tuple("It’s a good day.", "Ishaq Dar"));
    }

    @Test
    void apostrophesAndPossessivesAreNoQuotations() {
        assertThat(FINDER.find(Handmade.of("Pakistan’s ties with Turkey's army and the two countries’ leaders grew.",
                null).parse())).isEmpty();
    }

    @Test
    void aPronounIsTheMostRecentPersonBeforeTheQuotation() {
        String text = "Fidan met Dar in Islamabad. “Our ties are strong,” he said.";
        List<Quote> quotes = FINDER.find(Handmade.of(text, null).mention("PERSON", "Fidan", 0, "Hakan Fidan")
                .mention("PERSON", "Dar", 0, "Ishaq Dar").parse());
        assertThat(quotes).extracting(Quote::text, Quote::speakerName, Quote::speakerId)
                .containsExactly(tuple("Our ties are strong", "Ishaq Dar", "person:ishaq-dar"));
        Quote q = quotes.get(0);
        assertThat(text.substring(q.speakerStart(), q.speakerEnd())).isEqualTo("Dar");
        assertThat(text.substring(q.start(), q.end())).isEqualTo("Our ties are strong");
    }

    @Test
    void theMinisterIsTheMostRecentPersonHoldingThatTitle() {
        List<Quote> quotes = FINDER.find(Handmade.of("Foreign Minister Ishaq Dar met Secretary Marco Rubio. "
                + "“We agree on security,” the minister said. “Trade matters,” the secretary added.", null)
                .mention("PERSON", "Ishaq Dar").mention("PERSON", "Marco Rubio").parse());
        assertThat(quotes).extracting(Quote::text, Quote::speakerName)
                .containsExactly(tuple("We agree on security", "Ishaq Dar"), tuple("Trade matters", "Marco Rubio"));
    }

    @Test
    void anOrganisationSpeaksWhenNoPersonDoes() {
        List<Quote> quotes = FINDER.find(Handmade.of("The Foreign Office said: \"Pakistan seeks peace.\"", null)
                .mention("ORGANIZATION", "Foreign Office").parse());
        assertThat(quotes).extracting(Quote::text, Quote::speakerName, Quote::speakerId)
                .containsExactly(tuple("Pakistan seeks peace.", "Foreign Office", "organization:foreign-office"));
    }

    @Test
    void aQuotationWithoutAttributionHasNoSpeaker() {
        List<Quote> quotes = FINDER.find(Handmade.of("Dar arrived. The so-called \"deal of the century\" is dead.",
                null).mention("PERSON", "Dar", 0, "Ishaq Dar").parse());
        assertThat(quotes).extracting(Quote::text, Quote::speakerId, Quote::speakerName, Quote::speakerStart,
                Quote::speakerEnd).containsExactly(tuple("deal of the century", null, null, -1, -1));
    }

    @Test
    void anUnclosedMarkIsNoQuotation() {
        assertThat(FINDER.find(Handmade.of("He said “we will see.\nNothing else.", null).parse())).isEmpty();
    }

    @Test
    void aPronounNeverPicksAPersonNamedInsideAQuotation() {
        List<Quote> quotes = FINDER.find(Handmade.of("Aslam spoke first. “We thank Shoigu,” she said. "
                + "“Moscow is a friend,” she added.", null).mention("PERSON", "Aslam", 0, "Tasneem Aslam")
                .mention("PERSON", "Shoigu", 0, "Sergei Shoigu").parse());
        assertThat(quotes).extracting(Quote::speakerName).containsExactly("Tasneem Aslam", "Tasneem Aslam");
    }

    @Test
    void aTitleInsideThePersonMentionCountsToo() {
        List<Quote> quotes = FINDER.find(Handmade.of("Defence Minister Khawaja Asif met Sergei Shoigu. "
                + "“Ties are strong,” the minister said.", null)
                .mention("PERSON", "Defence Minister Khawaja Asif", 0, "Khawaja Asif")
                .mention("PERSON", "Sergei Shoigu").parse());
        assertThat(quotes).extracting(Quote::speakerName).containsExactly("Khawaja Asif");
    }
    @Test
    void aQuotationOverParagraphsIsOneQuotationWithTheSpeakerOfItsOpening() {
        // News style: each paragraph of a long quotation opens with a mark, only the last one closes.
        String text = "Khawaja Asif spoke to reporters.\nAsif said: “We have agreed to hold joint exercises.\n\n"
                + "“They will begin in September and last two weeks.\n\n“Both armies will gain from it.”\n"
                + "The ministry gave no details.";
        List<Quote> quotes = FINDER.find(Handmade.of(text, null).mention("PERSON", "Khawaja Asif")
                .mention("PERSON", "Asif", 1, "Khawaja Asif").parse());
        assertThat(quotes).singleElement().satisfies(q -> {
            assertThat(q.text()).isEqualTo("We have agreed to hold joint exercises.\n"
                    + "They will begin in September and last two weeks.\nBoth armies will gain from it.");
            assertThat(text.substring(q.start(), q.end())).startsWith("We have agreed").endsWith("gain from it.");
            assertThat(q.speakerName()).isEqualTo("Khawaja Asif");
            assertThat(text.substring(q.speakerStart(), q.speakerEnd())).isEqualTo("Asif");
            assertThat(q.sentence()).isEqualTo(1);
        });
    }

    @Test
    void aQuotationOverParagraphsTakesTheAttributionAfterItsClosingMark() {
        String text = "Rubio met Dar.\n“The talks were useful.\n\n“We will meet again in May,” Rubio said.";
        List<Quote> quotes = FINDER.find(Handmade.of(text, null).mention("PERSON", "Dar", 0, "Ishaq Dar")
                .mention("PERSON", "Rubio", 1, "Marco Rubio").parse());
        assertThat(quotes).extracting(Quote::text, Quote::speakerName)
                .containsExactly(tuple("The talks were useful.\nWe will meet again in May", "Marco Rubio"));
    }

    @Test
    void aQuotationGoingOnAfterItsAttributionKeepsTheSpeakerIntoTheNextParagraph() {
        String text = "“Ties are strong,” Dar said. “Trade will grow.\n\n“Investment will follow.”";
        List<Quote> quotes = FINDER.find(Handmade.of(text, null).mention("PERSON", "Dar", 0, "Ishaq Dar").parse());
        assertThat(quotes).extracting(Quote::text, Quote::speakerName).containsExactly(
                tuple("Ties are strong", "Ishaq Dar"), tuple("Trade will grow.\nInvestment will follow.", "Ishaq Dar"));
    }

    @Test
    void anOpenParagraphNotFollowedByAReopenedOneIsNoQuotation() {
        // The next paragraph does not open with a mark: the first mark is a stray one, and the later quotation
        // stands alone.
        List<Quote> quotes = FINDER.find(Handmade.of("Dar said “we will see.\n\nRubio said: “Talks went well.”",
                null).mention("PERSON", "Dar", 0, "Ishaq Dar").mention("PERSON", "Rubio", 0, "Marco Rubio").parse());
        assertThat(quotes).extracting(Quote::text, Quote::speakerName)
                .containsExactly(tuple("Talks went well.", "Marco Rubio"));
    }
}
