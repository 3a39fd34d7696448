package org.dyad.query.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.dyad.query.service.ArticleReader;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One enriched article with all its annotations, for analysts. */
@Path("/api/v1/articles")
@RolesAllowed("analyst")
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
class ArticleResource {

    private final ArticleReader reader;

    ArticleResource(ArticleReader reader) {
        this.reader = reader;
    }

    // The id is read as text: a JAX-RS UUID parameter would turn "not-a-uuid" into a 404, but it is a bad request.
    @GET
    @Path("{id}")
    @Operation(summary = "An enriched article with every annotation and its offsets",
            description = "The cleaned text with its sentences, entities and their mentions (in order of first "
                    + "mention), topics, dates, amounts, quotes, coded events, tone, document date and cleaning "
                    + "record. Every start/end is a UTF-16 offset into text, end exclusive, so "
                    + "text.substring(start, end) is the annotated span.")
    @APIResponse(responseCode = "200", description = "The article", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "article", value = """
                    {"id": "0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f", "title": "Pakistan, Turkey deepen ties",
                    "text": "Pakistan and Turkiye signed a defence agreement.", "pipelineVersion": "nlp-1.0",
                    "sentences": [{"index": 0, "start": 0, "end": 48}],
                    "entities": [{"entityId": "country:PAK", "name": "Pakistan", "type": "COUNTRY", "country": "PAK",
                    "known": true, "mentions": [{"text": "Pakistan", "start": 0, "end": 8, "sentence": 0}]}],
                    "topics": [{"topic": "defence", "score": 0.9}], "quotes": [], "amounts": [], "dates": [],
                    "events": []}""")))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No enriched article has this id")
    public ArticleReader.ArticleDetail article(
            @Parameter(description = "Article id (UUID)", example = "0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f")
            @PathParam("id") String id) {
        UUID articleId = parse(id);
        return reader.find(articleId)
                .orElseThrow(() -> HttpProblem.builder()
                        .withStatus(Response.Status.NOT_FOUND)
                        .withTitle("Article not found")
                        .withDetail("No enriched article has the id " + articleId + ".")
                        .build());
    }

    private static UUID parse(String id) {
        try {
            // fromString also accepts short forms such as 1-2-3-4-5; only the canonical 36 characters are ids
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException notAUuid) {
            // answered below
        }
        throw HttpProblem.builder()
                .withType(ProblemTypes.type("invalid-id"))
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle("Invalid article id")
                .withDetail("An article id is a UUID such as 3f2b8c1e-0d4a-4c6e-9b7a-2e5f1c8d9a10.")
                .build();
    }
}
