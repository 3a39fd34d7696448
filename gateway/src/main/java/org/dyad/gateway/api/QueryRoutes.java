package org.dyad.gateway.api;

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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.dyad.gateway.security.RateLimited;
import org.dyad.gateway.service.Backend;
import org.dyad.gateway.service.Forwarder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public read routes answered by query-service: entities, relations, quotes, events and event dyads, and the
 * search and event exports.
 * Parameters are declared for the OpenAPI document only: query-service validates them, and the raw query
 * string goes on untouched. The exports are relayed as streams ({@link StreamRelay}).
 */
@Path("/api/v1")
@Blocking
@RateLimited
class QueryRoutes {

    private static final String EVENT_EXAMPLE = """
            {"key": "6f1c0e9a4b2d8c7e5a3f1b0d9c8e7f6a", "date": "2025-07-09", "dateSource": "event", "cameoCode": "057",
            "cameoName": "Sign formal agreement", "cameoRoot": "05", "quadClass": 1, "goldstein": 8.0, "ploverType": "SUPPORT",
            "ploverMode": null, "mode": "occurred", "trigger": "signed", "confidence": 0.8,
            "sources": [{"entityId": "country:PAK", "name": "Pakistan", "type": "COUNTRY", "country": "PAK", "role": null}],
            "targets": [{"entityId": "country:TUR", "name": "Türkiye", "type": "COUNTRY", "country": "TUR", "role": null}],
            "corroboration": {"sources": 2, "articles": 3, "publishers": 3, "articleIds": ["0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f"]},
            "evidence": [{"articleId": "0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f", "title": "Pakistan and Turkiye deepen ties",
            "articleDate": "2025-07-09", "publisher": "dawn.com", "clusterId": "0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f",
            "eventId": "s2-057", "sentence": 2, "sentenceStart": 133, "sentenceEnd": 197,
            "text": "Pakistan and Turkiye signed a defence agreement worth $5 billion.", "trigger": "signed",
            "triggerStart": 154, "triggerEnd": 160, "confidence": 0.8, "sources": [{"entityId": "country:PAK",
            "name": "Pakistan", "type": "COUNTRY", "country": "PAK", "role": null, "start": 133, "end": 141}],
            "targets": [{"entityId": "country:TUR", "name": "Türkiye", "type": "COUNTRY", "country": "TUR", "role": null,
            "start": 146, "end": 153}]}]}""";
    private static final String QUAD_CLASSES = "{\"verbalCooperation\": 2, \"materialCooperation\": 1, "
            + "\"verbalConflict\": 0, \"materialConflict\": 0}";

    private final Forwarder forwarder;
    private final StreamRelay streams;

    QueryRoutes(Forwarder forwarder, StreamRelay streams) {
        this.forwarder = forwarder;
        this.streams = streams;
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

    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Tag(name = "Events")
    @Operation(summary = "Coded events (who did what to whom), each counted once, newest first, with cursor pagination",
            description = "Reports with the same full CAMEO code, mode, day and source and target entity sets are one "
                    + "event. corroboration.sources counts its independent sources (distinct near-duplicate clusters), "
                    + "articles its reports, publishers the distinct sites. date is the coded date, else the article's "
                    + "(dateSource); from/to filter on it. Filters combine with AND, values of one filter with OR. "
                    + "evidence: the reports' sentences with UTF-16 offsets into the article's text. Pass next as cursor.")
    @APIResponse(responseCode = "200", description = "A page of events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "pakistan-turkiye",
                    value = "{\"total\": 1, \"events\": [" + EVENT_EXAMPLE + "], \"next\": null}")))
    public Response events(
            @Parameter(description = "Entity id among the sources (who did it)", example = "country:PAK") @QueryParam("actor") String actor,
            @Parameter(description = "Entity id among the targets (to whom)", example = "country:TUR") @QueryParam("target") String target,
            @Parameter(description = "Two entity ids, A,B: events of A toward B or of B toward A", example = "country:PAK,country:TUR") @QueryParam("dyad") String dyad,
            @Parameter(description = "Full CAMEO codes, any of them; not with root", example = "057,0311") @QueryParam("code") List<String> code,
            @Parameter(description = "Two-digit CAMEO roots 01 to 20, any of them", example = "05,06") @QueryParam("root") List<String> root,
            @Parameter(description = "Quad classes 1 to 4 (verbal/material cooperation, verbal/material conflict)", example = "1") @QueryParam("quad") List<String> quad,
            @Parameter(description = "PLOVER types, any of them", example = "CONSULT") @QueryParam("plover") List<String> plover,
            @Parameter(description = "occurred, planned, denied or hypothetical, any of them", example = "occurred") @QueryParam("mode") List<String> mode,
            @Parameter(description = "Earliest event date, inclusive", example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = "Latest event date, inclusive", example = "2025-12-31") @QueryParam("to") String to,
            @Parameter(description = "Events per page, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "next of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Reports shown per event, 1 to 50 (default 3)", example = "3") @QueryParam("evidence") String evidence,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return relay("/api/v1/events", uri, headers);
    }

    @GET
    @Path("events/export")
    @Produces({"text/csv", "text/tab-separated-values", "application/x-ndjson"})
    @RolesAllowed("analyst")
    @Tag(name = "Events")
    @Operation(summary = "Export every matching event, counted once, streamed as CSV, TSV or NDJSON (no row cap)",
            description = "The filters of GET /events and format=csv (default), tsv or ndjson. One row an event with a "
                    + "header line; columns: key, date, date_source, cameo_code, cameo_root, cameo_name, quad_class, "
                    + "goldstein, plover_type, plover_mode, mode, source_ids, source_names, source_countries, target_ids, "
                    + "target_names, target_countries, independent_sources, articles, publishers, article_ids, article_id, "
                    + "sentence, sentence_text, trigger, trigger_start, trigger_end, confidence (lists ;-separated). CSV "
                    + "quotes as RFC 4180; TSV escapes backslash, tab, line feed and carriage return as \\\\, \\t, "
                    + "\\n, \\r.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = @Content(
            mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = "key,date,date_source,cameo_code,…\n"
                    + "6f1c0e9a4b2d8c7e5a3f1b0d9c8e7f6a,2025-07-09,event,057,…")))
    public Response eventsExport(
            @Parameter(description = "csv (default), tsv or ndjson", example = "tsv") @QueryParam("format") String format,
            @Parameter(description = "As for GET /events", example = "country:PAK") @QueryParam("actor") String actor,
            @Parameter(description = "As for GET /events", example = "05,06") @QueryParam("root") List<String> root,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return streams.get(Relay.pathAndQuery("/api/v1/events/export", uri), headers);
    }

    @GET
    @Path("events/dyads")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Tag(name = "Events")
    @Operation(summary = "Event-based relations: directed dyads (source → target) with event counts, mean Goldstein "
            + "and quad classes",
            description = "Each event, counted once, implies a dyad per source and target entity (the two different). "
                    + "The filters of GET /events; dyad=A,B keeps A → B and B → A. Most events first.")
    @APIResponse(responseCode = "200", description = "The dyads", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "pakistan", value = "{\"dyads\": "
                    + "[{\"source\": {\"id\": \"country:PAK\", \"name\": \"Pakistan\", \"type\": \"COUNTRY\", "
                    + "\"country\": \"PAK\"}, \"target\": {\"id\": \"country:TUR\", \"name\": \"Türkiye\", "
                    + "\"type\": \"COUNTRY\", \"country\": \"TUR\"}, \"events\": 3, \"meanGoldstein\": 7.0, "
                    + "\"quadClasses\": " + QUAD_CLASSES + "}]}")))
    public Response dyads(
            @Parameter(description = "Source entity id of the dyads", example = "country:PAK") @QueryParam("actor") String actor,
            @Parameter(description = "Target entity id of the dyads", example = "country:TUR") @QueryParam("target") String target,
            @Parameter(description = "Two entity ids, A,B: the dyads A → B and B → A", example = "country:PAK,country:TUR") @QueryParam("dyad") String dyad,
            @Parameter(description = "As for GET /events", example = "05,06") @QueryParam("root") List<String> root,
            @Parameter(description = "Dyads, 1 to 200 (default 50)", example = "50") @QueryParam("limit") String limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return relay("/api/v1/events/dyads", uri, headers);
    }

    @GET
    @Path("events/dyads/{source}/{target}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Tag(name = "Events")
    @Operation(summary = "One directed dyad (source → target): event counts, mean Goldstein, quad classes, monthly timeline",
            description = "Events counted once; one timeline entry a month of event dates (month null: undated). Takes "
                    + "code, root, quad, plover, mode, from, to.")
    @APIResponse(responseCode = "200", description = "The dyad and its timeline", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "pakistan-turkiye", value = "{\"source\": "
                    + "{\"id\": \"country:PAK\", \"name\": \"Pakistan\", \"type\": \"COUNTRY\", \"country\": \"PAK\"}, "
                    + "\"target\": {\"id\": \"country:TUR\", \"name\": \"Türkiye\", \"type\": \"COUNTRY\", "
                    + "\"country\": \"TUR\"}, \"events\": 3, \"meanGoldstein\": 7.0, \"quadClasses\": " + QUAD_CLASSES
                    + ", \"timeline\": [{\"month\": \"2025-07-01\", \"events\": 3, \"meanGoldstein\": 7.0, "
                    + "\"quadClasses\": " + QUAD_CLASSES + "}]}")))
    @APIResponse(responseCode = "404", description = "An actor no article names")
    public Response dyad(
            @Parameter(description = "Source entity id", example = "country:PAK") @PathParam("source") String source,
            @Parameter(description = "Target entity id", example = "country:TUR") @PathParam("target") String target,
            @Parameter(description = "As for GET /events", example = "occurred") @QueryParam("mode") List<String> mode,
            @Parameter(description = "Earliest event date, inclusive", example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = "Latest event date, inclusive", example = "2025-12-31") @QueryParam("to") String to,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return relay("/api/v1/events/dyads/" + Relay.segment(source) + "/" + Relay.segment(target), uri, headers);
    }

    @GET
    @Path("events/dyads/{source}/{target}/evidence")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Tag(name = "Events")
    @Operation(summary = "The evidence of a directed dyad: its events with their reports' sentences and offsets, cursor-paged",
            description = "GET /events with actor=source and target=target (code, root, quad, plover, mode, from, to, "
                    + "limit, cursor, evidence: 1 to 50 reports an event, default 10).")
    @APIResponse(responseCode = "200", description = "A page of the dyad's events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "pakistan-turkiye",
                    value = "{\"total\": 1, \"events\": [" + EVENT_EXAMPLE + "], \"next\": null}")))
    @APIResponse(responseCode = "404", description = "An actor no article names")
    public Response dyadEvidence(
            @Parameter(description = "Source entity id", example = "country:PAK") @PathParam("source") String source,
            @Parameter(description = "Target entity id", example = "country:TUR") @PathParam("target") String target,
            @Parameter(description = "Events per page, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "next of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Reports shown per event, 1 to 50 (default 10)", example = "10") @QueryParam("evidence") String evidence,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return relay("/api/v1/events/dyads/" + Relay.segment(source) + "/" + Relay.segment(target) + "/evidence", uri,
                headers);
    }

    private Response relay(String path, UriInfo uri, HttpHeaders headers) {
        return Relay.response(forwarder.forward(Backend.QUERY, "GET", Relay.pathAndQuery(path, uri), Relay.headers(headers),
                null));
    }


    /**
     * The search export, as a root resource of its own: the gateway's {@code /api/v1/search} resource would otherwise
     * take every path below it and answer 404.
     */
    @Path("/api/v1/search/export")
    @RateLimited
    @Blocking
    static class Export {

        private final StreamRelay streams;

        Export(StreamRelay streams) {
            this.streams = streams;
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
            return streams.get(Relay.pathAndQuery("/api/v1/search/export", uri), headers);
        }
    }
}
