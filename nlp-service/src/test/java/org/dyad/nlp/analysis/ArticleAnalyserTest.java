package org.dyad.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.dyad.contracts.Annotations;
import org.dyad.contracts.DocumentDate;
import org.dyad.nlp.pipeline.ParsedText;
import org.junit.jupiter.api.Test;

/** The published annotations of one parse, on hand-built parses. */
class ArticleAnalyserTest {

    private static final ArticleAnalyser ANALYSER = new ArticleAnalyser(
            Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void anEmptyParseHasNothingButItsDocumentDate() {
        Annotations a = ANALYSER.analyse(new ParsedText("", null, List.of(), List.of(), List.of(), List.of()));
        assertThat(a.dates()).isEmpty();
        assertThat(a.amounts()).isEmpty();
        assertThat(a.quotes()).isEmpty();
        assertThat(a.topics()).isEmpty();
        assertThat(a.tone()).isZero();
        assertThat(a.documentDate()).isEqualTo(new DocumentDate(LocalDate.of(2026, 12, 1), true, "ingest-time"));
    }

    @Test
    void aFutureWrittenDateIsNoPublicationDate() {
        // an undated article announcing a summit "on 5 May 2031" was not written then
        ParsedText parsed = Handmade.of("The summit will open on 5 May 2031.", null)
                .tag("5 May 2031", "DATE", "2031-05-05").parse();
        Annotations a = ANALYSER.analyse(parsed);
        assertThat(a.documentDate()).isEqualTo(new DocumentDate(LocalDate.of(2026, 12, 1), true, "ingest-time"));
        assertThat(a.dates()).extracting(d -> d.value()).containsExactly("2031-05-05");
    }

    @Test
    void relativeDatesTheEngineLeftUntaggedAreFoundToo() {
        ParsedText parsed = Handmade.of("Dar met Rubio yesterday and flies home next week.", LocalDate.of(2025, 7, 9))
                .parse();
        assertThat(ANALYSER.analyse(parsed).dates()).extracting(d -> d.text(), d -> d.value())
                .containsExactly(tuple("yesterday", "2025-07-08"),
                        tuple("next week", "2025-W29"));
    }

    @Test
    void writtenDatesTheEngineLeftUntaggedAreFoundToo() {
        ParsedText parsed = Handmade.of("Talks opened on 3 March 2020 in Doha, after a round on February 12, 2020. "
                + "They began in November 2019 and go back to cooperation since 2014. In 41 cases, nothing.", null)
                .parse();
        Annotations a = ANALYSER.analyse(parsed);
        assertThat(a.dates()).extracting(d -> d.text(), d -> d.value(), d -> d.relative()).containsExactly(
                tuple("3 March 2020", "2020-03-03", false),
                tuple("February 12, 2020", "2020-02-12", false),
                tuple("November 2019", "2019-11", false),
                tuple("2014", "2014", false));
        assertThat(a.documentDate()).isEqualTo(new DocumentDate(LocalDate.of(2020, 3, 3), true, "text"));
    }
}
