package org.dyad.gateway.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.List;
import org.dyad.gateway.config.GatewayConfig;
import org.dyad.gateway.security.RateLimited;
import org.dyad.gateway.service.Backend;
import org.dyad.gateway.service.Forwarder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The public read routes answered by query-service: entities, relations, quotes and the search export.
 * Parameters are declared for the OpenAPI document only: query-service validates them, and the raw query
 * string goes on untouched. The export is relayed as a stream, so a result set of any size never sits in
 * the gateway's memory.
 */
@Path("/api/v1")
@Blocking
@RateLimited
class QueryRoutes {

    private static final Logger LOG = Logger.getLogger(QueryRoutes.class);

    private final Forwarder forwarder;

    QueryRoutes(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @Path("entities")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Tag(name = "Entities")
    @Operation(summary = "Look up entities by name or alias; typo-tolerant autocomplete",
            description = "Trigram similarity over canonical names and aliases ('ishak dar' finds Ishaq Dar); a prefix "
                    + "scores 1. Without q: the entities named in most articles.")
    @APIResponse(responseCode = "200", description = "Matching entities, best first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "dar", value = """
                    {"query": "ishak dar", "entities": [{"id": "person:ishaq-dar", "name": "Ishaq Dar", "type": "PERSON",
                    "country": "PAK", "articles": 3, "mentions": 7, "matched": "Ishaq Dar", "score": 0.667}]}""")))
    public Response entities(
            @Parameter(description = "Name, alias or its beginning", example = "ishak dar") @QueryParam("q") String q,
            @Parameter(description = "Entity types, any of them", example = "PERSON") @QueryParam("type") List<String> type,
            @Parameter(description = "ISO 3166-1 alpha-3 country of the entity", example = "PAK") @QueryParam("country") List<String> country,
            @Parameter(description = "Results, 1 to 50 (default 10)", example = "10") @QueryParam("limit") String limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return relay("/api/v1/entities", uri, headers);
    }

    @GET
    @Path("entities/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Tag(name = "Entities")
    @Operation(summary = "An entity's profile: names, roles over time, counts, co-occurring entities, monthly timeline")
    @APIResponse(responseCode = "200", description = "The profile", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "ishaq-dar", value = """
                    {"id": "person:ishaq-dar", "name": "Ishaq Dar", "type": "PERSON", "country": "PAK", "known": true,
                    "aliases": ["Dar", "Ishaq Dar"], "roles": [{"title": "Foreign Minister", "country": "PAK",
                    "from": "2024-03-11", "to": null, "source": "dictionary"}], "articles": 3, "mentions": 7,
                    "cooccurring": [{"id": "country:TUR", "name": "Türkiye", "type": "COUNTRY", "articles": 2,
                    "sameSentenceArticles": 1, "sameSentences": 2}],
                    "timeline": [{"month": "2025-07-01", "articles": 2, "mentions": 5}]}""")))
    @APIResponse(responseCode = "404", description = "No article names this entity")
    public Response entity(
            @Parameter(description = "Canonical entity id", example = "person:ishaq-dar") @PathParam("id") String id,
            @Parameter(description = "Co-occurring entities to list, 1 to 100 (default 20)", example = "20") @QueryParam("partners") String partners,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return relay("/api/v1/entities/" + Relay.segment(id), uri, headers);
    }

    @GET
    @Path("relations")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Tag(name = "Relations")
    @Operation(summary = "How two actors relate (a and b), or all partners of one actor (actor)",
            description = "Pair: articles naming both, same-sentence co-mentions, monthly timeline, top topics and the "
                    + "evidence sentences. Actor: its partners, most articles first.")
    @APIResponse(responseCode = "200", description = "The relation or the partners", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "pair", value = """
                    {"a": {"id": "country:PAK", "name": "Pakistan", "type": "COUNTRY", "country": "PAK"},
                    "b": {"id": "country:RUS", "name": "Russia", "type": "COUNTRY", "country": "RUS"},
                    "counts": {"articles": 2, "sameSentenceArticles": 1, "sameSentences": 3},
                    "timeline": [{"month": "2025-06-01", "articles": 2, "sameSentenceArticles": 1, "sameSentences": 3}],
                    "topics": [{"topic": "energy", "articles": 2}], "evidence": []}""")))
    public Response relations(
            @Parameter(description = "First actor of a pair", example = "country:PAK") @QueryParam("a") String a,
            @Parameter(description = "Second actor of a pair", example = "country:RUS") @QueryParam("b") String b,
            @Parameter(description = "One actor, to list all its partners", example = "country:PAK") @QueryParam("actor") String actor,
            @Parameter(description = "Partner types (with actor)", example = "COUNTRY") @QueryParam("type") List<String> type,
            @Parameter(description = "Earliest article date", example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = "Latest article date", example = "2025-12-31") @QueryParam("to") String to,
            @Parameter(description = "Evidence articles of a pair, 1 to 100 (default 10)", example = "10") @QueryParam("evidence") String evidence,
            @Parameter(description = "Partners of an actor, 1 to 200 (default 50)", example = "50") @QueryParam("limit") String limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return relay("/api/v1/relations", uri, headers);
    }

    @GET
    @Path("quotes")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Tag(name = "Quotes")
    @Operation(summary = "Quotations by speaker and/or words, newest first, with cursor pagination")
    @APIResponse(responseCode = "200", description = "A page of quotations", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "rubio", value = """
                    {"quotes": [{"articleId": "0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f", "title": "Rubio on Pakistan",
                    "date": "2025-08-01", "speakerId": "person:marco-rubio", "speakerName": "Marco Rubio",
                    "text": "We look forward to expanding trade", "start": 120, "end": 154, "sentence": 3}], "next": null}""")))
    public Response quotes(
            @Parameter(description = "Speaker entity id", example = "person:marco-rubio") @QueryParam("speaker") String speaker,
            @Parameter(description = "Words of the quotation (web-search syntax)", example = "trade") @QueryParam("q") String q,
            @Parameter(description = "Quotations per page, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "next of the previous page") @QueryParam("cursor") String cursor,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return relay("/api/v1/quotes", uri, headers);
    }

    private Response relay(String path, UriInfo uri, HttpHeaders headers) {
        return Relay.response(forwarder.forward(Backend.QUERY, "GET", pathAndQuery(path, uri), Relay.headers(headers),
                null));
    }

    private static String pathAndQuery(String path, UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return path + (query == null ? "" : "?" + query);
    }

    private static HttpProblem problem(int status, String type, String title, String detail) {
        return HttpProblem.builder().withType(URI.create(type)).withStatus(status).withTitle(title).withDetail(detail)
                .build();
    }

    /**
     * The export, as a root resource of its own: the gateway's {@code /api/v1/search} resource would otherwise
     * take every path below it and answer 404.
     */
    @Path("/api/v1/search/export")
    @RateLimited
    @Blocking
    static class Export {

        private final GatewayConfig config;
        // Its own client: the Forwarder reads whole bodies, the export must not.
        private final HttpClient streaming;

        Export(GatewayConfig config) {
            this.config = config;
            this.streaming = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(config.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        @GET
        @Produces({"application/x-ndjson", "text/csv"})
        @RolesAllowed("analyst")
        @Tag(name = "Search")
        @Operation(summary = "Export every article a search matches, streamed as NDJSON or CSV (no row cap)",
                description = "Takes the filters of GET /search (q, entity, country, type, topic, source, language, from, "
                        + "to, sort) and format=ndjson (default) or csv.")
        @APIResponse(responseCode = "200", description = "The rows, streamed", content = @Content(
                mediaType = "application/x-ndjson", examples = @ExampleObject(name = "ndjson", value =
                        "{\"id\":\"0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f\",\"date\":\"2025-07-09\",\"title\":\"Pakistan, Turkey deepen ties\",\"source\":\"dawn.com\",\"url\":\"https://www.dawn.com/news/1\",\"language\":\"en\",\"rank\":0.0,\"entities\":[\"country:PAK\"],\"topics\":[\"defence\"]}")))
        public Response export(
                @Parameter(description = "ndjson (default) or csv", example = "csv") @QueryParam("format") String format,
                @Parameter(description = "As for GET /search", example = "defence") @QueryParam("q") String q,
                @Parameter(description = "As for GET /search", example = "country:PAK") @QueryParam("entity") List<String> entity,
                @Context UriInfo uri, @Context HttpHeaders headers) {
            String base = config.queryUrl().toString().replaceAll("/+$", "");
            URI target = URI.create(base + pathAndQuery("/api/v1/search/export", uri));
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(config.requestTimeout()).GET();
            Relay.headers(headers).forEach((name, value) -> {
                if (value != null) {
                    request.header(name, value);
                }
            });
            HttpResponse<InputStream> response;
            try {
                // the timeout covers the wait for the status line and headers, not the (long) body
                response = streaming.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                LOG.warnf("GET %s: no answer from query-service within %s", target, config.requestTimeout());
                throw problem(504, Forwarder.GATEWAY_TIMEOUT, "Gateway timeout", "query-service did not answer in time; try again later.");
            } catch (IOException e) {
                LOG.warnf("GET %s: query-service unreachable (%s)", target, e.toString());
                throw problem(502, Forwarder.SERVICE_UNAVAILABLE, "Service unavailable", "query-service cannot be reached; try again later.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw problem(502, Forwarder.SERVICE_UNAVAILABLE, "Service unavailable", "query-service cannot be reached; try again later.");
            }
            StreamingOutput body = out -> {
                try (InputStream in = response.body()) {
                    in.transferTo(out);
                }
            };
            Response.ResponseBuilder relayed = Response.status(response.statusCode()).entity(body);
            response.headers().firstValue("Content-Type").ifPresent(type -> relayed.header(HttpHeaders.CONTENT_TYPE, type));
            response.headers().firstValue("Content-Disposition").ifPresent(d -> relayed.header("Content-Disposition", d));
            return relayed.build();
        }
    }
}
