package org.dyad.nlp.analysis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.dyad.contracts.DocumentDate;
import org.dyad.nlp.pipeline.ParsedText;

/**
 * The date an article's relative dates are resolved against: its publication date when it has one, else the
 * latest full date written in it (not after today), else today, the day it is enriched.
 */
final class DocumentDater {

    static final String ARTICLE = "article";
    static final String TEXT = "text";
    static final String INGEST_TIME = "ingest-time";

    private DocumentDater() {
    }

    static DocumentDate date(ParsedText parsed, Clock clock) {
        if (parsed.publishedAt() != null) {
            return new DocumentDate(parsed.publishedAt(), false, ARTICLE);
        }
        LocalDate today = LocalDate.now(clock);
        // Only dates written in full (with their year) count: a resolved "Thursday" would be circular.
        Optional<LocalDate> latest = DateFinder.find(parsed, today).stream()
                .filter(d -> !d.relative() && d.value().length() == 10)
                .map(d -> LocalDate.parse(d.value()))
                .filter(d -> !d.isAfter(today))
                .max(LocalDate::compareTo);
        return latest.map(d -> new DocumentDate(d, true, TEXT))
                .orElseGet(() -> new DocumentDate(today, true, INGEST_TIME));
    }
}
