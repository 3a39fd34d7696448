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

/** One enriched article with its entities and mentions, for analysts. */
@Path("/api/v1/articles")
@RolesAllowed("analyst")
@Produces(MediaType.APPLICATION_JSON)
class ArticleResource {

    private final ArticleReader reader;

    ArticleResource(ArticleReader reader) {
        this.reader = reader;
    }

    // The id is read as text: a JAX-RS UUID parameter would turn "not-a-uuid" into a 404, but it is a bad request.
    @GET
    @Path("{id}")
    public ArticleResponse article(@PathParam("id") String id) {
        UUID articleId = parse(id);
        return reader.find(articleId)
                .map(ArticleResponse::of)
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
