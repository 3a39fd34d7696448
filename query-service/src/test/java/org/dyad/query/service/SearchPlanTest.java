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

    @Test
    void aWindowWithAnEntityFilterIsReadFromTheEntitysArticlesUnlessTheWordIsRareOrTheEntityIsInMostOfTheRange() {
        // range, matches, entity, country, text, fewest articles of one filter entity in the range, which entity
        // dense: the date plan would be chosen; the entity's articles are a subset of its rows, but cost twice as much
        assertThat(SearchService.byEntity(new long[] {10_000, 5_000, 38_000, -1, 45_000, 3_800, 0}, 1_000)).isTrue();
        assertThat(SearchService.byEntity(new long[] {10_000, 5_000, 64_000, -1, 45_000, 6_400, 0}, 1_000)).isFalse();
        // a mid-frequency country (1,500 articles of the range) with a common word: sparse in the range, dense in it
        assertThat(SearchService.byEntity(new long[] {10_000, 700, 15_000, -1, 45_000, 1_500, 0}, 1_000)).isTrue();
        assertThat(SearchService.byEntity(new long[] {10_000, 700, 64_000, -1, 45_000, 6_400, 0}, 1_000)).isTrue();
        // a rare word in a much-named entity's range: the planner's plan (the word's small GIN entry)
        assertThat(SearchService.byEntity(new long[] {10_000, 40, 64_000, -1, 600, 6_400, 0}, 1_000)).isFalse();
        // no entity filter
        assertThat(SearchService.byEntity(new long[] {10_000, 5_000, -1, 20_000, 45_000, -1, -1}, 1_000)).isFalse();
        assertThat(SearchService.byEntity(new long[] {10_000, 5_000, -1, 20_000, 45_000}, 1_000)).isFalse();
    }
}
