package org.dyad.contracts;

import java.time.LocalDate;

/**
 * The date the enrichment used as the article's date, against which relative dates were resolved.
 *
 * @param date the date
 * @param inferred true when the article carried no real publication date and this one was inferred
 *        (from the dates in the text, else the ingest day)
 * @param source {@code article} (the ingest-given publication date), {@code text} or {@code ingest-time}
 */
public record DocumentDate(LocalDate date, boolean inferred, String source) {
}
