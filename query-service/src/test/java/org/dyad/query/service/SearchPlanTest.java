package org.dyad.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which filters of a ranked window are tested on the rows, from the planner's estimates (issue 6). */
class SearchPlanTest {

    @Test
    void aDenseOrSmallRangeIsReadByDate() {
        // one article in ten of the range matches: read newest first
        assertThat(SearchService.byDate(10_000, 1_000)).isTrue();
        assertThat(SearchService.byDate(10_000, 999)).isFalse();
        // a small range is read by date whatever matches
        assertThat(SearchService.byDate(SearchService.SMALL_RANGE, 0)).isTrue();
        assertThat(SearchService.byDate(SearchService.SMALL_RANGE + 1, 0)).isFalse();
    }

    @Test
    void aFilterWhoseEntryIsLargerThanTheRangeIsTestedOnTheRows() {
        // range, matches, entity, country, text (-1: no such filter)
        assertThat(SearchService.rowOnly(new long[] {10_000, 5_000, 64_000, -1, 45_000}))
                .contains("entity", "country", "type", "topic", "source", "language", "text");
        // sparse: the common word's entry is read no more, the rare country's still is
        assertThat(SearchService.rowOnly(new long[] {10_000, 40, 510, -1, 45_000})).containsExactly("text");
        assertThat(SearchService.rowOnly(new long[] {10_000, 300, 11_000, 20_000, 900}))
                .containsExactlyInAnyOrder("entity", "country");
        // no date range: every entry is at most the whole table, the planner chooses
        assertThat(SearchService.rowOnly(new long[] {100_000, 300, 64_000, -1, 45_000})).isEmpty();
    }
}
