package org.dyad.query.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dyad.query.service.SearchHit;
import org.dyad.query.service.SearchPage;

/** The answer to {@code GET /api/v1/search}: the query as understood, the number of matches and the best ones. */
record SearchResponse(String query, long total, List<Result> results) {

    static SearchResponse of(String query, SearchPage page) {
        return new SearchResponse(query, page.total(), page.hits().stream().map(Result::of).toList());
    }

    /** One matching article; {@code snippet} marks the matched words with {@code <mark>}. */
    record Result(UUID id, String title, String snippet, String source, LocalDate publishedAt, float rank) {

        static Result of(SearchHit hit) {
            return new Result(hit.id(), hit.title(), hit.snippet(), hit.source(), hit.publishedAt(), hit.rank());
        }
    }
}
