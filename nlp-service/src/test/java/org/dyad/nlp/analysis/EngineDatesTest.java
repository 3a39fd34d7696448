package org.dyad.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.dyad.contracts.Annotations;
import org.dyad.contracts.DateMention;
import org.dyad.contracts.DocumentDate;
import org.junit.jupiter.api.Test;

/** Relative dates on text parsed by the real engine, where SUTime's own resolution is wrong or missing. */
class EngineDatesTest {

    private static final ArticleAnalyser ANALYSER = new ArticleAnalyser(
            Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));

    private static Annotations analyse(String text, LocalDate publishedAt) {
        return ANALYSER.analyse(EngineParses.parse(text, publishedAt));
    }

    @Test
    void aPastThursdayInATuesdayArticleIsTheThursdayBefore() {
        // Tuesday 25 November 2014; SUTime alone says 2014-11-27 for the first one
        Annotations a = analyse("The defence ministers met in Islamabad on Thursday.\n"
                + "Shoigu will meet the premier on Thursday.", LocalDate.of(2014, 11, 25));
        assertThat(a.dates()).extracting(DateMention::text, DateMention::value, DateMention::relative)
                .containsExactly(tuple("Thursday", "2014-11-20", true), tuple("Thursday", "2014-11-27", true));
    }

    @Test
    void weeksMonthsAndTodayResolveAgainstThePublicationDate() {
        Annotations a = analyse("Dar visited Washington last week and will return next month. "
                + "Earlier today, the spokesperson said talks went well.", LocalDate.of(2025, 7, 9));
        assertThat(a.dates()).extracting(DateMention::text, DateMention::value, DateMention::relative)
                .containsExactly(tuple("last week", "2025-W27", true), tuple("next month", "2025-08", true),
                        tuple("Earlier today", "2025-07-09", true));
    }

    @Test
    void anUndatedArticleTakesItsLatestWrittenDateMarkedInferred() {
        Annotations a = analyse("The talks opened on 3 March 2020 in Doha. The delegations met again on Thursday, "
                + "after a first round on 12 February 2020.", null);
        assertThat(a.documentDate()).isEqualTo(new DocumentDate(LocalDate.of(2020, 3, 3), true, "text"));
        assertThat(a.dates()).extracting(DateMention::text, DateMention::value, DateMention::relative)
                .contains(tuple("3 March 2020", "2020-03-03", false), tuple("Thursday", "2020-02-27", true),
                        tuple("12 February 2020", "2020-02-12", false));
    }

    @Test
    void aDatedArticleUsesItsPublicationDate() {
        Annotations a = analyse("The minister spoke on 3 March 2020.", LocalDate.of(2020, 3, 5));
        assertThat(a.documentDate()).isEqualTo(new DocumentDate(LocalDate.of(2020, 3, 5), false, "article"));
    }
}
