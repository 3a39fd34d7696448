package org.dyad.query.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.dyad.query.service.EntityService;
import org.dyad.query.service.InvalidRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Canonical entities: look-up and autocomplete, and one entity's profile. */
@Path("/api/v1/entities")
@RolesAllowed("analyst")
@Tag(name = "Entities")
@Produces(MediaType.APPLICATION_JSON)
class EntityResource {

    private static final String INVALID = "invalid-parameter";

    private final EntityService entities;

    EntityResource(EntityService entities) {
        this.entities = entities;
    }

    /** The entities found, best match first. */
    record LookupResponse(String query, List<EntityService.Match> entities) {
    }

    @GET
    @Operation(summary = "Look up entities by name or alias; typo-tolerant autocomplete",
            description = "Trigram and word similarity (pg_trgm) over canonical names and every alias seen in the "
                    + "articles: 'ishak dar', 'Fidan', 'turkiye' all find their entity. A prefix match scores 1. "
                    + "Without q, the entities named in most articles.")
    @APIResponse(responseCode = "200", description = "Matching entities", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "dar", value = """
                    {"query": "ishak dar", "entities": [{"id": "person:ishaq-dar", "name": "Ishaq Dar", "type": "PERSON",
                    "country": "PAK", "articles": 3, "mentions": 7, "matched": "Ishaq Dar", "score": 0.667}]}""")))
    @APIResponse(responseCode = "400", description = "Unknown parameter or malformed value")
    public LookupResponse lookup(
            @Parameter(description = "Name, alias or its beginning; typos are tolerated", example = "ishak dar") @QueryParam("q") String q,
            @Parameter(description = "Entity types, any of them", example = "PERSON") @QueryParam("type") List<String> type,
            @Parameter(description = "ISO 3166-1 alpha-3 country of the entity", example = "PAK") @QueryParam("country") List<String> country,
            @Parameter(description = "Results, 1 to 50 (default 10)", example = "10") @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        Params params = new Params(uri, INVALID, Set.of("q", "type", "country", "limit"));
        String text = params.text("q", 200);
        List<EntityService.Match> found = entities.lookup(text, params.list("type", Params.TYPE, true, "PERSON"),
                params.list("country", Params.COUNTRY, true, "PAK"), params.limit("limit", 10, 50));
        return new LookupResponse(text, found);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An entity's profile: names, roles over time, counts, co-occurring entities, monthly timeline",
            description = "Counts are kept by the read model as articles arrive, so a profile costs the same at any "
                    + "corpus size. cooccurring lists the entities named in the same articles, most articles first; "
                    + "timeline has one entry a month (month null: undated articles).")
    @APIResponse(responseCode = "200", description = "The profile", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "ishaq-dar", value = """
                    {"id": "person:ishaq-dar", "name": "Ishaq Dar", "type": "PERSON", "country": "PAK", "known": true,
                    "aliases": ["Dar", "Ishaq Dar"], "roles": [{"title": "Foreign Minister", "country": "PAK",
                    "from": "2022-12-01", "to": null, "source": "dictionary"}], "articles": 3, "mentions": 7,
                    "cooccurring": [{"id": "person:hakan-fidan", "name": "Hakan Fidan", "type": "PERSON", "articles": 2,
                    "sameSentenceArticles": 1, "sameSentences": 2}],
                    "timeline": [{"month": "2025-07-01", "articles": 2, "mentions": 5}]}""")))
    @APIResponse(responseCode = "404", description = "No article names this entity")
    public EntityService.Profile profile(
            @Parameter(description = "Canonical entity id", example = "person:ishaq-dar") @PathParam("id") String id,
            @Parameter(description = "Co-occurring entities to list, 1 to 100 (default 20)", example = "20") @QueryParam("partners") String partners,
            @Context UriInfo uri) {
        Params params = new Params(uri, INVALID, Set.of("partners"));
        if (!Params.ENTITY_ID.matcher(id).matches()) {
            throw new InvalidRequest("invalid-id", "id", "An entity id looks like country:PAK or person:ishaq-dar.");
        }
        return entities.profile(id, params.limit("partners", 20, 100))
                .orElseThrow(() -> HttpProblem.builder()
                        .withStatus(Response.Status.NOT_FOUND)
                        .withTitle("Entity not found")
                        .withDetail("No enriched article names the entity " + id + ".")
                        .build());
    }
}
