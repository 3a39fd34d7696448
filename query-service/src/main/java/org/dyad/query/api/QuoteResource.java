package org.dyad.query.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.dyad.query.service.QuoteService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Quotations, by speaker and by their words. */
@Path("/api/v1/quotes")
@RolesAllowed("analyst")
@Tag(name = "Quotes")
@Produces(MediaType.APPLICATION_JSON)
class QuoteResource {

    private final QuoteService quotes;

    QuoteResource(QuoteService quotes) {
        this.quotes = quotes;
    }

    @GET
    @Operation(summary = "Quotations by speaker and/or words, newest first, with cursor pagination",
            description = "speaker is the speaker's entity id (find it with GET /entities?q=rubio); q searches the "
                    + "quoted words in web-search syntax. start/end are offsets into the article's text.")
    @APIResponse(responseCode = "200", description = "A page of quotations", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rubio", value = """
                    {"quotes": [{"articleId": "0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f", "title": "Rubio on Pakistan",
                    "date": "2025-08-01", "speakerId": "person:marco-rubio", "speakerName": "Marco Rubio",
                    "text": "We look forward to expanding trade", "start": 120, "end": 154, "sentence": 3}],
                    "next": null}""")))
    @APIResponse(responseCode = "400", description = "Unknown parameter, malformed speaker id, limit or cursor")
    public QuoteService.Page quotes(
            @Parameter(description = "Speaker entity id", example = "person:marco-rubio") @QueryParam("speaker") String speaker,
            @Parameter(description = "Words of the quotation (web-search syntax)", example = "trade") @QueryParam("q") String q,
            @Parameter(description = "Quotations per page, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "next of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        Params params = new Params(uri, "invalid-parameter", Set.of("speaker", "q", "limit", "cursor"));
        return quotes.find(params.entityId("speaker"), params.text("q", 500), params.limit("limit", 20, 100),
                params.text("cursor", 2_000));
    }
}
