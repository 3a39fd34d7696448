package org.dyad.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.dyad.nlp.analysis.DateResolver.Resolved;
import org.junit.jupiter.api.Test;

/** Written dates resolved against a document date, without the engine. */
class DateResolverTest {

    /** A Tuesday. */
    private static final LocalDate TUESDAY = LocalDate.of(2014, 11, 25);

    private static Optional<Resolved> past(String phrase) {
        return DateResolver.resolve(phrase, null, TUESDAY, false);
    }

    private static Optional<Resolved> future(String phrase) {
        return DateResolver.resolve(phrase, null, TUESDAY, true);
    }

    @Test
    void aPastWeekdayIsTheLatestOneOnOrBeforeTheDocumentDate() {
        // SUTime puts a bare "Thursday" in the document date's ISO week: 2014-11-27, after a Tuesday paper
        assertThat(past("Thursday")).contains(new Resolved("2014-11-20", true));
        assertThat(past("on Tuesday")).contains(new Resolved("2014-11-25", true));
        assertThat(past("last Tuesday")).contains(new Resolved("2014-11-18", true));
    }

    @Test
    void aFutureWeekdayIsTheNextOne() {
        assertThat(future("Thursday")).contains(new Resolved("2014-11-27", true));
        assertThat(future("next Tuesday")).contains(new Resolved("2014-12-02", true));
        assertThat(past("next Monday")).contains(new Resolved("2014-12-01", true));
    }

    @Test
    void todayYesterdayAndTheDayAreTheDocumentDateOrNextToIt() {
        assertThat(past("Earlier today")).contains(new Resolved("2014-11-25", true));
        assertThat(past("later today")).contains(new Resolved("2014-11-25", true));
        assertThat(past("the day")).contains(new Resolved("2014-11-25", true));
        assertThat(past("yesterday")).contains(new Resolved("2014-11-24", true));
        assertThat(future("tomorrow")).contains(new Resolved("2014-11-26", true));
        assertThat(past("three days ago")).contains(new Resolved("2014-11-22", true));
    }

    @Test
    void weeksMonthsAndYearsAroundTheDocumentDate() {
        assertThat(past("last week")).contains(new Resolved("2014-W47", true));
        assertThat(past("this week")).contains(new Resolved("2014-W48", true));
        assertThat(future("next month")).contains(new Resolved("2014-12", true));
        assertThat(past("last month")).contains(new Resolved("2014-10", true));
        assertThat(past("this year")).contains(new Resolved("2014", true));
        assertThat(future("next year")).contains(new Resolved("2015", true));
        assertThat(past("two weeks ago")).contains(new Resolved("2014-W46", true));
    }

    @Test
    void aWeekCrossingTheYearTakesItsIsoWeekYear() {
        assertThat(DateResolver.resolve("last week", null, LocalDate.of(2021, 1, 6), false))
                .contains(new Resolved("2020-W53", true));
    }

    @Test
    void aMonthWithoutItsYearTakesTheYearTheTensePointsTo() {
        assertThat(past("in May")).contains(new Resolved("2014-05", true));
        assertThat(future("in September this year")).contains(new Resolved("2014-09", true));
        assertThat(DateResolver.resolve("December", null, LocalDate.of(2015, 1, 10), false))
                .contains(new Resolved("2014-12", true));
        assertThat(DateResolver.resolve("March", null, LocalDate.of(2015, 11, 10), true))
                .contains(new Resolved("2016-03", true));
        assertThat(past("November last year")).contains(new Resolved("2013-11", true));
    }

    @Test
    void writtenDatesAreAbsolute() {
        assertThat(past("9 July 2025")).contains(new Resolved("2025-07-09", false));
        assertThat(past("July 9, 2025")).contains(new Resolved("2025-07-09", false));
        assertThat(past("the 3rd of March 2020")).contains(new Resolved("2020-03-03", false));
        assertThat(past("November 2017")).contains(new Resolved("2017-11", false));
        assertThat(past("the end of 2014")).contains(new Resolved("2014", false));
        assertThat(past("2025-07-09")).contains(new Resolved("2025-07-09", false));
        assertThat(past("Sept. 15")).contains(new Resolved("2014-09-15", true));
    }

    @Test
    void theEngineValueServesOnlyAbsoluteFormsOurPatternsDoNotRead() {
        assertThat(DateResolver.resolve("Q3 2025", "2025-Q3", TUESDAY, false)).contains(new Resolved("2025-Q3", false));
        // SUTime's "2025-07-10" for "the coming days" is a guess, not a date the text gives
        assertThat(DateResolver.resolve("the coming days", "2025-07-10", TUESDAY, true)).isEmpty();
        assertThat(DateResolver.resolve("Recently", "PAST_REF", TUESDAY, false)).isEmpty();
        assertThat(DateResolver.resolve("now", "PRESENT_REF", TUESDAY, false)).isEmpty();
        assertThat(DateResolver.resolve("the 1990s", "199X", TUESDAY, false)).isEmpty();
    }
}
