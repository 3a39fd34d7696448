package org.dyad.gateway.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkiverse.resteasy.problem.HttpProblem;
import org.dyad.gateway.config.GatewayConfig;
import org.dyad.gateway.service.Backend;
import org.dyad.gateway.security.RateLimited;
import org.dyad.gateway.service.Forwarder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public article endpoints: submission and status go to ingest-service, enriched articles come from query-service. */
@Path("/api/v1/articles")
@Tag(name = "Articles")
@Blocking
@RateLimited
class ArticlesResource {

    private final Forwarder forwarder;
    private final GatewayConfig config;

    ArticlesResource(Forwarder forwarder, GatewayConfig config) {
        this.forwarder = forwarder;
        this.config = config;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.TEXT_HTML})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("ingestor")
    @Operation(summary = "Submit one article",
            description = "JSON, text/plain whose optional first line is \" date YYYY-MM-DD\", or an HTML page "
                    + "(main text, title, author and date are extracted). At most 2 MiB.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleSubmission.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "202", description = "Accepted; Location is the status URL")
    @APIResponse(responseCode = "200", description = "The same text was submitted before; the first article's id")
    public Response submit(byte[] body, @Context HttpHeaders headers) {
        if (body != null && body.length > config.maxArticleBytes()) {
            throw HttpProblem.builder().withStatus(413).withType(ProblemTypes.type("article-too-large"))
                    .withTitle("Article too large")
                    .withDetail("One article may have at most " + config.maxArticleBytes() + " bytes; send more as a batch.")
                    .build();
        }
        return Relay.response(forwarder.forward(Backend.INGEST, "POST", "/api/v1/articles",
                Relay.headers(headers), body));
    }

    @POST
    @Path("batch")
    @Consumes({"application/x-ndjson", "application/rss+xml", "application/atom+xml", MediaType.APPLICATION_XML,
            MediaType.TEXT_XML})
    @Produces("application/x-ndjson")
    @RolesAllowed("ingestor")
    @Operation(summary = "Submit many articles: NDJSON (one JSON article a line) or an RSS 2.0/Atom feed",
            description = "The answer is NDJSON: one result a line or item, in order ({line, status, id, duplicate} "
                    + "or {line, status, type, detail}), then a summary line. Bad lines fail alone.")
    @APIResponse(responseCode = "200", description = "One result a line, then {summary, accepted, duplicates, failed}")
    public Response batch(byte[] body, @Context HttpHeaders headers) {
        return Relay.response(forwarder.forward(Backend.INGEST, "POST", "/api/v1/articles/batch",
                Relay.headers(headers), body));
    }

    @GET
    @Path("{id}/status")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"ingestor", "analyst"})
    @Operation(summary = "Where an article is in the pipeline")
    public Response status(@PathParam("id") String id, @Context HttpHeaders headers) {
        return Relay.response(forwarder.forward(Backend.INGEST, "GET",
                "/api/v1/articles/" + Relay.segment(id) + "/status", Relay.headers(headers), null));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Operation(summary = "An enriched article with its entities and their mentions (character offsets into text)")
    public Response article(@PathParam("id") String id, @Context HttpHeaders headers) {
        return Relay.response(forwarder.forward(Backend.QUERY, "GET", "/api/v1/articles/" + Relay.segment(id),
                Relay.headers(headers), null));
    }
}
