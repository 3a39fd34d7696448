package org.dyad.query.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dyad.query.config.QueryConfig;
import org.dyad.query.service.SearchQuery;
import org.dyad.query.service.SearchService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Full-text search with filters, facets and cursors, and the streamed export of a whole result set. */
@Path("/api/v1/search")
@RolesAllowed("analyst")
@Tag(name = "Search")
class SearchResource {

    static final String INVALID_QUERY = "invalid-query";
    private static final Set<String> FILTERS = Set.of("q", "entity", "country", "type", "topic", "source",
            "language", "from", "to", "sort");
    private static final Set<String> PAGE = Params.union(FILTERS, Set.of("limit", "cursor", "facet"));
    private static final Set<String> EXPORT = Params.union(FILTERS, Set.of("format"));

    private final SearchService search;
    private final QueryConfig config;
    private final ObjectMapper mapper;

    SearchResource(SearchService search, QueryConfig config, ObjectMapper mapper) {
        this.search = search;
        this.config = config;
        this.mapper = mapper;
    }

    /** A page of results with facets; the parameters are declared for the OpenAPI document and read from uri. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Search articles: full text, filters, facets, sort and cursor pagination",
            description = "q uses web-search syntax: words, \"quoted phrases\", or, -excluded. Values of one "
                    + "filter combine with OR except entity (all must be named); filters combine with AND. Without q "
                    + "at least one filter is needed. Pass nextCursor as cursor for the next page. When more articles "
                    + "match than the rank window (1,000 by default), the relevance order and the facets cover the "
                    + "newest that many, window says how many, and total is an estimate (totalIsEstimate).")
    @APIResponse(responseCode = "200", description = "A page of results", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResponse.class),
            examples = @ExampleObject(name = "pakistan-turkey", value = """
                    {"query": "defence", "total": 1, "totalIsEstimate": false, "window": null, "results": [{"id": "0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f",
                    "title": "Pakistan, Turkey deepen ties", "snippet": "... a <mark>defence</mark> agreement ...",
                    "source": "dawn.com", "language": "en", "publishedAt": "2025-07-09",
                    "entities": ["country:PAK", "country:TUR"], "topics": ["defence"], "rank": 0.4}],
                    "nextCursor": null, "facets": {"country": [{"value": "PAK", "count": 1}]}}""")))
    @APIResponse(responseCode = "400", description = "Invalid query, unknown parameter, bad date range or cursor")
    public SearchResponse search(
            @Parameter(description = "Words, \"quoted phrases\", or, and -excluded words", example = "\"defence agreement\" -india") @QueryParam("q") String q,
            @Parameter(description = "Entity ids that must all be named (repeat or comma-separate)", example = "country:PAK") @QueryParam("entity") List<String> entity,
            @Parameter(description = "ISO 3166-1 alpha-3 codes; an article matches when an entity of one of them is named", example = "TUR") @QueryParam("country") List<String> country,
            @Parameter(description = "Entity types, any of them named", example = "PERSON") @QueryParam("type") List<String> type,
            @Parameter(description = "Topic ids, any of them", example = "defence") @QueryParam("topic") List<String> topic,
            @Parameter(description = "Sources (site names), any of them", example = "dawn.com") @QueryParam("source") List<String> source,
            @Parameter(description = "ISO 639-1 languages, any of them", example = "en") @QueryParam("language") List<String> language,
            @Parameter(description = "Earliest article date, inclusive", example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = "Latest article date, inclusive", example = "2025-12-31") @QueryParam("to") String to,
            @Parameter(description = "relevance (default with q) or date (newest first; default without q)", example = "date") @QueryParam("sort") String sort,
            @Parameter(description = "Results per page, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Facets to count: entity, country, type, topic, source, language", example = "country") @QueryParam("facet") List<String> facet,
            @Context UriInfo uri) {
        Params params = new Params(uri, INVALID_QUERY, PAGE);
        SearchQuery query = query(params);
        int size = params.limit("limit", config.search().defaultLimit(), config.search().maxLimit());
        List<String> facets = params.list("facet", null, false, "country");
        for (String f : facets) {
            if (!SearchService.FACETS.contains(f)) {
                throw params.invalid("facet", "facet must be one of " + String.join(", ", new java.util.TreeSet<>(SearchService.FACETS)) + ".");
            }
        }
        String after = params.text("cursor", 2_000);
        return SearchResponse.of(query, search.search(query, size, after, facets));
    }

    @GET
    @Path("export")
    @Produces({"application/x-ndjson", "text/csv"})
    @Operation(summary = "Export every article a search matches, streamed as NDJSON or CSV (no row cap)",
            description = "Takes the filters of GET /search (no limit, cursor or facet). format=ndjson (default) "
                    + "writes one JSON object a line; format=csv writes a header line, then one row an article.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "ndjson", value = "{\"id\":\"0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f\",\"date\":\"2025-07-09\",\"title\":\"Pakistan, Turkey deepen ties\",\"source\":\"dawn.com\",\"url\":\"https://www.dawn.com/news/1\",\"language\":\"en\",\"rank\":0.0,\"entities\":[\"country:PAK\"],\"topics\":[\"defence\"]}")),
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "id,date,title,source,url,language,rank,entities,topics\n0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f,2025-07-09,\"Pakistan, Turkey deepen ties\",dawn.com,https://www.dawn.com/news/1,en,0.0,country:PAK,defence"))})
    public Response export(
            @Parameter(description = "ndjson (default) or csv", example = "csv") @QueryParam("format") String format,
            @Parameter(description = "As for GET /search", example = "defence") @QueryParam("q") String q,
            @Parameter(description = "As for GET /search", example = "country:PAK") @QueryParam("entity") List<String> entity,
            @Context UriInfo uri) {
        Params params = new Params(uri, INVALID_QUERY, EXPORT);
        SearchQuery query = query(params);
        boolean csv = "csv".equals(params.choice("format", Set.of("ndjson", "csv"), "ndjson"));
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (csv) {
                w.write("id,date,title,source,url,language,rank,entities,topics\n");
            }
            search.export(query, row -> {
                if (csv) {
                    w.write(String.join(",", row.id().toString(), row.date() == null ? "" : row.date().toString(),
                            Csv.cell(row.title()), Csv.cell(row.source()), Csv.cell(row.url()), Csv.cell(row.language()),
                            Float.toString(row.rank()), Csv.cell(String.join(";", row.entities())),
                            Csv.cell(String.join(";", row.topics()))));
                } else {
                    w.write(mapper.writeValueAsString(row));
                }
                w.write('\n');
            });
            w.flush();
        };
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"dyad-search." + (csv ? "csv" : "ndjson") + "\"")
                .build();
    }

    private SearchQuery query(Params params) {
        String text = params.text("q", 1_000);
        SearchQuery.Sort sort = switch (params.choice("sort", Set.of("relevance", "date"),
                text == null ? "date" : "relevance")) {
            case "relevance" -> SearchQuery.Sort.RELEVANCE;
            default -> SearchQuery.Sort.DATE;
        };
        SearchQuery query = new SearchQuery(text,
                params.list("entity", Params.ENTITY_ID, false, "country:PAK"),
                params.list("country", Params.COUNTRY, true, "PAK"),
                params.list("type", Params.TYPE, true, "PERSON"),
                params.list("topic", Params.TOPIC, false, "defence"),
                params.list("source", null, false, "dawn.com"),
                params.list("language", Params.LANGUAGE, false, "en"),
                params.date("from"), params.date("to"), sort);
        Params.range(query.from(), query.to());
        if (text == null && query.entities().isEmpty() && query.countries().isEmpty() && query.types().isEmpty()
                && query.topics().isEmpty() && query.sources().isEmpty() && query.languages().isEmpty()
                && query.from() == null && query.to() == null) {
            throw params.invalid("q", "Give the words to search for in the q parameter, or at least one filter.");
        }
        if (text == null && sort == SearchQuery.Sort.RELEVANCE) {
            throw params.invalid("sort", "sort=relevance needs a text query q.");
        }
        if (text != null) {
            search.validateText(text);
        }
        return query;
    }
}
