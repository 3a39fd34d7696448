package org.dyad.query.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.dyad.query.config.QueryConfig;
import org.dyad.query.service.SearchService;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Full-text search over enriched articles, for analysts. */
@Path("/api/v1/search")
@RolesAllowed("analyst")
@Produces(MediaType.APPLICATION_JSON)
class SearchResource {

    static final String INVALID_QUERY = "invalid-query";

    private final SearchService search;
    private final QueryConfig config;

    SearchResource(SearchService search, QueryConfig config) {
        this.search = search;
        this.config = config;
    }

    // limit is read as text so that "abc" is a 400 problem like 0 or 1000, not a 404 from parameter conversion.
    @GET
    public SearchResponse search(
            @Parameter(description = "Words, \"quoted phrases\", or, and -excluded words (web search syntax)")
            @QueryParam("q") String q,
            @Parameter(description = "Number of results, 1 to 100 (default 20)")
            @QueryParam("limit") String limit) {
        if (q == null || q.isBlank()) {
            throw invalid("q", "Give the words to search for in the q parameter.");
        }
        return SearchResponse.of(q, search.search(q, limit(limit)));
    }

    private int limit(String limit) {
        int max = config.search().maxLimit();
        if (limit == null || limit.isBlank()) {
            return Math.min(config.search().defaultLimit(), max);
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below like any other out-of-range value
        }
        throw invalid("limit", "limit must be a whole number from 1 to " + max + ".");
    }

    private static HttpProblem invalid(String parameter, String detail) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type(INVALID_QUERY))
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Invalid search query")
                .withDetail(detail)
                .with("parameter", parameter)
                .build();
    }
}
