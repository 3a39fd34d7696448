package org.dyad.ingest.cleaning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextDatesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void writtenDatesNearTheTopAreFound() {
        assertThat(TextDates.find("ISLAMABAD, July 9, 2025: The ministers met.", TODAY)).contains(LocalDate.of(2025, 7, 9));
        assertThat(TextDates.find("Published 26th June 2021 — Baku.", TODAY)).contains(LocalDate.of(2021, 6, 26));
        assertThat(TextDates.find("Updated Sept. 3, 2024 at 10:00", TODAY)).contains(LocalDate.of(2024, 9, 3));
        assertThat(TextDates.find("Posted on 2025-04-10 by staff", TODAY)).contains(LocalDate.of(2025, 4, 10));
    }

    @Test
    void impossibleFutureOrDistantDatesAreNotTaken() {
        assertThat(TextDates.find("On February 30, 2025 nothing happened.", TODAY)).isEmpty();
        assertThat(TextDates.find("Talks are planned for March 3, 2031.", TODAY)).isEmpty();
        assertThat(TextDates.find("x".repeat(500) + " July 9, 2025", TODAY)).isEmpty();
        assertThat(TextDates.find("The ministers met on Thursday.", TODAY)).isEmpty();
    }
}
