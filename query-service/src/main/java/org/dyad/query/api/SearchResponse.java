package org.dyad.query.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dyad.query.service.SearchQuery;
import org.dyad.query.service.SearchService;

/**
 * The answer to {@code GET /api/v1/search}: the query as understood, the number of matches, one page of them,
 * the cursor of the next page (null on the last) and the asked facet counts. When more articles match than the
 * rank window ({@code dyad.query.search.rank-window}), {@code total} is an estimate ({@code totalIsEstimate}) and
 * {@code window} is how many of the newest matches the relevance order and the facets cover; otherwise
 * {@code totalIsEstimate} is false, {@code window} null, and every figure exact.
 */
record SearchResponse(String query, long total, boolean totalIsEstimate, Integer window, List<Result> results,
        String nextCursor, Map<String, List<SearchService.FacetValue>> facets) {

    static SearchResponse of(SearchQuery query, SearchService.Page page) {
        return new SearchResponse(query.text(), page.total(), page.totalIsEstimate(), page.window(),
                page.hits().stream().map(Result::of).toList(), page.next(), page.facets());
    }

    /** One matching article; {@code snippet} marks the matched words with {@code <mark>}. */
    record Result(UUID id, String title, String snippet, String source, String language, LocalDate publishedAt,
            List<String> entities, List<String> topics, float rank) {

        static Result of(SearchService.Hit hit) {
            return new Result(hit.id(), hit.title(), hit.snippet(), hit.source(), hit.language(), hit.date(),
                    hit.entities(), hit.topics(), hit.rank());
        }
    }
}
