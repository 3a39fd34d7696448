package org.dyad.query.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.dyad.query.service.InvalidRequest;
import org.dyad.query.service.RelationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Relations between actors from their co-mentions: one pair, or one actor with all its partners. */
@Path("/api/v1/relations")
@RolesAllowed("analyst")
@Tag(name = "Relations")
@Produces(MediaType.APPLICATION_JSON)
class RelationResource {

    private static final String INVALID = "invalid-parameter";

    private final RelationService relations;

    RelationResource(RelationService relations) {
        this.relations = relations;
    }

    @GET
    @Operation(summary = "How two actors relate (a and b), or all partners of one actor (actor)",
            description = "With a and b: articles naming both, articles and sentences naming both in one sentence, "
                    + "a monthly timeline, top topics, and the newest articles as evidence with the sentences naming "
                    + "both (offsets into the article's text; open /api/v1/articles/{articleId}). With actor: its "
                    + "partners, most articles first, optionally of some types only.")
    @APIResponse(responseCode = "200", description = "The pair's relation, or the actor's partners", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "pair", value = """
                            {"a": {"id": "country:PAK", "name": "Pakistan", "type": "COUNTRY", "country": "PAK"},
                            "b": {"id": "country:RUS", "name": "Russia", "type": "COUNTRY", "country": "RUS"},
                            "counts": {"articles": 2, "sameSentenceArticles": 1, "sameSentences": 3},
                            "timeline": [{"month": "2025-06-01", "articles": 2, "sameSentenceArticles": 1, "sameSentences": 3}],
                            "topics": [{"topic": "defence", "articles": 2}],
                            "evidence": [{"articleId": "0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f", "title": "Pakistan and Russia",
                            "date": "2025-06-12", "sentences": [{"sentence": 0, "start": 0, "end": 52,
                            "text": "Pakistan and Russia held talks on energy in Moscow."}]}]}"""),
                    @ExampleObject(name = "actor", value = """
                            {"actor": {"id": "country:PAK", "name": "Pakistan", "type": "COUNTRY", "country": "PAK"},
                            "partners": [{"id": "country:TUR", "name": "Türkiye", "type": "COUNTRY", "articles": 3,
                            "sameSentenceArticles": 3, "sameSentences": 5}]}""")}))
    @APIResponse(responseCode = "400", description = "Neither a pair nor one actor, a malformed id or date range")
    @APIResponse(responseCode = "404", description = "An actor no article names")
    public Object relations(
            @Parameter(description = "First actor of a pair", example = "country:PAK") @QueryParam("a") String a,
            @Parameter(description = "Second actor of a pair", example = "country:RUS") @QueryParam("b") String b,
            @Parameter(description = "One actor, to list all its partners", example = "country:PAK") @QueryParam("actor") String actor,
            @Parameter(description = "Partner types (with actor)", example = "COUNTRY") @QueryParam("type") List<String> type,
            @Parameter(description = "Earliest article date of a pair's timeline and evidence", example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = "Latest article date, inclusive", example = "2025-12-31") @QueryParam("to") String to,
            @Parameter(description = "Evidence articles of a pair, 1 to 100 (default 10)", example = "10") @QueryParam("evidence") String evidence,
            @Parameter(description = "Partners of an actor, 1 to 200 (default 50)", example = "50") @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        Params params = new Params(uri, INVALID, Set.of("a", "b", "actor", "type", "from", "to", "evidence", "limit"));
        String first = params.entityId("a");
        String second = params.entityId("b");
        String one = params.entityId("actor");
        LocalDate since = params.date("from");
        LocalDate until = params.date("to");
        Params.range(since, until);
        List<String> types = params.list("type", Params.TYPE, true, "COUNTRY");
        int evidenceSize = params.limit("evidence", 10, 100);
        int partnerSize = params.limit("limit", 50, 200);
        if (one != null && first == null && second == null) {
            return relations.partners(one, types, partnerSize).orElseThrow(() -> notFound(one));
        }
        if (one != null || first == null || second == null) {
            throw new InvalidRequest(INVALID, first == null ? "a" : "b",
                    "Give a pair as a and b (e.g. a=country:PAK&b=country:TUR), or one actor as actor.");
        }
        if (first.equals(second)) {
            throw new InvalidRequest(INVALID, "b", "a and b must be two different actors.");
        }
        return relations.pair(first, second, since, until, evidenceSize)
                .orElseThrow(() -> notFound(first + " or " + second));
    }

    private static HttpProblem notFound(String who) {
        return HttpProblem.builder()
                .withStatus(Response.Status.NOT_FOUND)
                .withTitle("Actor not found")
                .withDetail("No enriched article names " + who + ".")
                .build();
    }
}
