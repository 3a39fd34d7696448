package org.dyad.query.api;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.dyad.query.service.EventQuery;
import org.dyad.query.service.EventService;
import org.dyad.query.service.InvalidRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who did what to whom: coded events, each counted once however many articles report it, with its independent
 * sources; their streamed export; and event-based relations of directed dyads (counts, mean Goldstein, quad classes,
 * monthly timeline, evidence).
 */
@Path("/api/v1/events")
@RolesAllowed("analyst")
@Tag(name = "Events")
class EventResource {

    static final String INVALID = "invalid-parameter";

    /** The export's columns, in order (README and the OpenAPI description list them too). */
    static final List<String> COLUMNS = List.of("key", "date", "date_source", "cameo_code", "cameo_root", "cameo_name",
            "quad_class", "goldstein", "plover_type", "plover_mode", "mode", "source_ids", "source_names",
            "source_countries", "target_ids", "target_names", "target_countries", "independent_sources", "articles",
            "publishers", "article_ids", "article_id", "sentence", "sentence_text", "trigger", "trigger_start",
            "trigger_end", "confidence");

    /** The roots of CAMEO (01 to 20), and a full code (a root and one or two more digits). */
    static final Pattern ROOT = Pattern.compile("0[1-9]|1[0-9]|20");
    static final Pattern CODE = Pattern.compile("(0[1-9]|1[0-9]|20)[0-9]{1,2}");
    static final Pattern QUAD = Pattern.compile("[1-4]");
    static final Set<String> PLOVER = Set.of("ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT",
            "COOPERATE", "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN");
    static final Set<String> MODES = Set.of("occurred", "planned", "denied", "hypothetical");

    private static final Set<String> EVENT_FILTERS = Set.of("code", "root", "quad", "plover", "mode", "from", "to");
    private static final Set<String> FILTERS = Params.union(EVENT_FILTERS, Set.of("actor", "target", "dyad"));
    private static final Set<String> PAGE = Params.union(FILTERS, Set.of("limit", "cursor", "evidence"));
    private static final Set<String> EXPORT = Params.union(FILTERS, Set.of("format"));
    private static final Set<String> DYADS = Params.union(FILTERS, Set.of("limit"));
    private static final Set<String> DYAD_EVIDENCE = Params.union(EVENT_FILTERS, Set.of("limit", "cursor", "evidence"));

    private static final String EVENT_EXAMPLE = """
            {"key": "6f1c0e9a4b2d8c7e5a3f1b0d9c8e7f6a", "date": "2025-07-09", "dateSource": "event",
            "cameoCode": "057", "cameoName": "Sign formal agreement", "cameoRoot": "05", "quadClass": 1, "goldstein": 8.0,
            "ploverType": "AGREE", "ploverMode": null, "mode": "occurred", "trigger": "signed", "confidence": 0.8,
            "sources": [{"entityId": "country:PAK", "name": "Pakistan", "type": "COUNTRY", "country": "PAK", "role": null}],
            "targets": [{"entityId": "country:TUR", "name": "Türkiye", "type": "COUNTRY", "country": "TUR", "role": null}],
            "corroboration": {"sources": 2, "articles": 3, "publishers": 3, "articleIds":
            ["0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f"]},
            "evidence": [{"articleId": "0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f", "title": "Pakistan and Turkiye deepen ties",
            "articleDate": "2025-07-09", "publisher": "dawn.com", "clusterId": "0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f",
            "eventId": "s2-057", "sentence": 2, "sentenceStart": 133, "sentenceEnd": 197,
            "text": "Pakistan and Turkiye signed a defence agreement worth $5 billion.", "trigger": "signed",
            "triggerStart": 154, "triggerEnd": 160, "confidence": 0.8,
            "sources": [{"entityId": "country:PAK", "name": "Pakistan", "type": "COUNTRY", "country": "PAK",
            "role": null, "start": 133, "end": 141}],
            "targets": [{"entityId": "country:TUR", "name": "Türkiye", "type": "COUNTRY", "country": "TUR",
            "role": null, "start": 146, "end": 153}]}]}""";

    private final EventService events;
    private final ObjectMapper mapper;

    EventResource(EventService events, ObjectMapper mapper) {
        this.events = events;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Coded events (who did what to whom), each counted once, newest first, with cursor pagination",
            description = "An event is counted once however many articles report it: reports with the same full CAMEO "
                    + "code, mode, day and source and target entity sets are one event (its key). corroboration.sources "
                    + "counts its independent sources, the distinct near-duplicate clusters among the reporting articles "
                    + "(syndicated copies of one story are one source); articles counts the reports, publishers the "
                    + "distinct sites. date is the coded event date, else the article's date (dateSource: event or "
                    + "article); from and to filter on it. Filters combine with AND; values of one filter with OR. "
                    + "evidence lists the reports with the sentence and UTF-16 offsets into the article's text. "
                    + "Pass next as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "pakistan-turkiye",
                    value = "{\"total\": 1, \"events\": [" + EVENT_EXAMPLE + "], \"next\": null}")))
    @APIResponse(responseCode = "400", description = "Unknown parameter, malformed value, bad date range or cursor")
    public EventService.Page list(
            @Parameter(description = "Entity id among the sources (who did it)", example = "country:PAK") @QueryParam("actor") String actor,
            @Parameter(description = "Entity id among the targets (to whom)", example = "country:TUR") @QueryParam("target") String target,
            @Parameter(description = "Two entity ids, A,B: events of A toward B or of B toward A", example = "country:PAK,country:TUR") @QueryParam("dyad") String dyad,
            @Parameter(description = "Full CAMEO codes, any of them (repeat or comma-separate); not with root", example = "057,0311") @QueryParam("code") List<String> code,
            @Parameter(description = "Two-digit CAMEO roots 01 to 20, any of them; not with code", example = "05,06") @QueryParam("root") List<String> root,
            @Parameter(description = "Quad classes, any of them: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict", example = "1") @QueryParam("quad") List<String> quad,
            @Parameter(description = "PLOVER types, any of them", example = "AGREE") @QueryParam("plover") List<String> plover,
            @Parameter(description = "Modes, any of them: occurred, planned, denied, hypothetical", example = "occurred") @QueryParam("mode") List<String> mode,
            @Parameter(description = "Earliest event date, inclusive", example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = "Latest event date, inclusive", example = "2025-12-31") @QueryParam("to") String to,
            @Parameter(description = "Events per page, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "next of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Reports shown per event, 1 to 50 (default 3); corroboration counts all", example = "3") @QueryParam("evidence") String evidence,
            @Context UriInfo uri) {
        Params params = new Params(uri, INVALID, PAGE);
        EventQuery query = query(params);
        return events.find(query, params.limit("limit", 20, 100), params.text("cursor", 2_000),
                params.limit("evidence", 3, 50));
    }

    @GET
    @Path("export")
    @Produces({"text/csv", "text/tab-separated-values", "application/x-ndjson"})
    @Operation(summary = "Export every matching event, counted once, streamed as CSV, TSV or NDJSON (no row cap)",
            description = "Takes the filters of GET /events (not limit, cursor, evidence) and format=csv (default), tsv "
                    + "or ndjson. One row an event, newest first, with a header line; columns: key, date, date_source "
                    + "(event|article), cameo_code, cameo_root, cameo_name, quad_class, goldstein, plover_type, "
                    + "plover_mode, mode, source_ids, source_names, source_countries, target_ids, target_names, "
                    + "target_countries (lists ;-separated, position by position; an unknown country is empty), "
                    + "independent_sources (distinct near-duplicate clusters), articles, publishers, article_ids "
                    + "(;-separated, all of them), then the representative report: article_id, sentence, sentence_text, "
                    + "trigger, trigger_start, trigger_end (UTF-16 offsets into the article's text), confidence. CSV "
                    + "quotes as RFC 4180; TSV writes backslash, tab, line feed and carriage return as \\\\, \\t, \\n, "
                    + "\\r; both prefix a text cell starting with = + - @ with ' so spreadsheets do not run it. NDJSON "
                    + "has the same fields, lists as arrays and actors as objects.")
    @APIResponse(responseCode = "200", description = "The rows, streamed", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "key,date,date_source,cameo_code,cameo_root,"
                            + "cameo_name,quad_class,goldstein,plover_type,plover_mode,mode,source_ids,source_names,"
                            + "source_countries,target_ids,target_names,target_countries,independent_sources,articles,"
                            + "publishers,article_ids,article_id,sentence,sentence_text,trigger,trigger_start,"
                            + "trigger_end,confidence\n6f1c0e9a4b2d8c7e5a3f1b0d9c8e7f6a,2025-07-09,event,057,05,Sign "
                            + "formal agreement,1,8.0,AGREE,,occurred,country:PAK,Pakistan,PAK,country:TUR,Türkiye,TUR,"
                            + "2,3,3,0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f,0b6c1b8e-7f1a-4c55-9d2e-5b2f3c4d5e6f,2,"
                            + "\"Pakistan and Turkiye signed a defence agreement worth $5 billion.\",signed,154,160,0.8")),
            @Content(mediaType = "text/tab-separated-values", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "tsv", value = "key\tdate\tdate_source\tcameo_code\t…\n"
                            + "6f1c0e9a4b2d8c7e5a3f1b0d9c8e7f6a\t2025-07-09\tevent\t057\t…"))})
    @APIResponse(responseCode = "400", description = "Unknown parameter, malformed value or format")
    public Response export(
            @Parameter(description = "csv (default), tsv or ndjson", example = "tsv") @QueryParam("format") String format,
            @Parameter(description = "As for GET /events", example = "country:PAK") @QueryParam("actor") String actor,
            @Parameter(description = "As for GET /events", example = "country:PAK,country:TUR") @QueryParam("dyad") String dyad,
            @Parameter(description = "As for GET /events", example = "05,06") @QueryParam("root") List<String> root,
            @Context UriInfo uri) {
        Params params = new Params(uri, INVALID, EXPORT);
        EventQuery query = query(params);
        String chosen = params.choice("format", Set.of("csv", "tsv", "ndjson"), "csv");
        String separator = chosen.equals("tsv") ? "\t" : ",";
        Function<String, String> cell = chosen.equals("tsv") ? Csv::tsvCell : Csv::cell;
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (!chosen.equals("ndjson")) {
                w.write(String.join(separator, COLUMNS));
                w.write('\n');
            }
            events.export(query, row -> {
                if (chosen.equals("ndjson")) {
                    w.write(mapper.writeValueAsString(row));
                } else {
                    w.write(String.join(separator, cells(row, cell)));
                }
                w.write('\n');
            });
            w.flush();
        };
        String type = switch (chosen) {
            case "tsv" -> "text/tab-separated-values; charset=UTF-8";
            case "ndjson" -> "application/x-ndjson";
            default -> "text/csv; charset=UTF-8";
        };
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"dyad-events." + chosen + "\"")
                .build();
    }

    @GET
    @Path("dyads")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Event-based relations: directed dyads (source → target) with event counts, mean Goldstein "
            + "and quad classes",
            description = "Each event counted once implies one dyad per source and target entity (the two different): "
                    + "\"Pakistan, Azerbaijan and Turkey will hold joint exercises\" is one event and six dyads. Takes "
                    + "the filters of GET /events; actor and target fix the dyad's sides, dyad=A,B keeps A → B and "
                    + "B → A. Most events first. meanGoldstein is the mean over the dyad's events (each once).")
    @APIResponse(responseCode = "200", description = "The dyads", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "pakistan", value = """
                    {"dyads": [{"source": {"id": "country:PAK", "name": "Pakistan", "type": "COUNTRY", "country": "PAK"},
                    "target": {"id": "country:TUR", "name": "Türkiye", "type": "COUNTRY", "country": "TUR"},
                    "events": 4, "meanGoldstein": 6.2, "quadClasses": {"verbalCooperation": 3,
                    "materialCooperation": 1, "verbalConflict": 0, "materialConflict": 0}}]}""")))
    @APIResponse(responseCode = "400", description = "Unknown parameter, malformed value or bad date range")
    public DyadsResponse dyads(
            @Parameter(description = "Source entity id of the dyads", example = "country:PAK") @QueryParam("actor") String actor,
            @Parameter(description = "Target entity id of the dyads", example = "country:TUR") @QueryParam("target") String target,
            @Parameter(description = "Two entity ids, A,B: the dyads A → B and B → A", example = "country:PAK,country:TUR") @QueryParam("dyad") String dyad,
            @Parameter(description = "As for GET /events", example = "05,06") @QueryParam("root") List<String> root,
            @Parameter(description = "As for GET /events", example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = "Dyads, 1 to 200 (default 50)", example = "50") @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        Params params = new Params(uri, INVALID, DYADS);
        EventQuery query = query(params);
        return new DyadsResponse(events.dyads(query, params.limit("limit", 50, 200)));
    }

    /** The dyads, most events first. */
    record DyadsResponse(List<EventService.Dyad> dyads) {
    }

    @GET
    @Path("dyads/{source}/{target}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One directed dyad (source → target): event counts, mean Goldstein, quad classes and a "
            + "monthly timeline",
            description = "Events counted once, as in GET /events. timeline has one entry a month of event dates "
                    + "(month is its first day; null: undated events), each with its count, mean Goldstein and quad "
                    + "classes. The reverse direction is the dyad target → source.")
    @APIResponse(responseCode = "200", description = "The dyad and its timeline", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "pakistan-turkiye", value = """
                    {"source": {"id": "country:PAK", "name": "Pakistan", "type": "COUNTRY", "country": "PAK"},
                    "target": {"id": "country:TUR", "name": "Türkiye", "type": "COUNTRY", "country": "TUR"},
                    "events": 3, "meanGoldstein": 7.0, "quadClasses": {"verbalCooperation": 2, "materialCooperation": 1,
                    "verbalConflict": 0, "materialConflict": 0}, "timeline": [{"month": "2025-07-01", "events": 3,
                    "meanGoldstein": 7.0, "quadClasses": {"verbalCooperation": 2, "materialCooperation": 1,
                    "verbalConflict": 0, "materialConflict": 0}}]}""")))
    @APIResponse(responseCode = "400", description = "Malformed id, the same actor twice, a bad filter")
    @APIResponse(responseCode = "404", description = "An actor no article names")
    public EventService.DyadTimeline timeline(
            @Parameter(description = "Source entity id", example = "country:PAK") @PathParam("source") String source,
            @Parameter(description = "Target entity id", example = "country:TUR") @PathParam("target") String target,
            @Parameter(description = "As for GET /events", example = "05,06") @QueryParam("root") List<String> root,
            @Parameter(description = "As for GET /events", example = "occurred") @QueryParam("mode") List<String> mode,
            @Parameter(description = "Earliest event date, inclusive", example = "2025-01-01") @QueryParam("from") String from,
            @Parameter(description = "Latest event date, inclusive", example = "2025-12-31") @QueryParam("to") String to,
            @Context UriInfo uri) {
        Params params = new Params(uri, INVALID, EVENT_FILTERS);
        pair(source, target);
        return events.timeline(source, target, query(params))
                .orElseThrow(() -> notFound(source, target));
    }

    @GET
    @Path("dyads/{source}/{target}/evidence")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The evidence of a directed dyad: its events, each with its reports' sentences and offsets, "
            + "cursor-paged",
            description = "GET /events with actor=source and target=target: events counted once, newest first, "
                    + "each with up to evidence reports (sentence text, UTF-16 offsets of the sentence, trigger and "
                    + "actors into the article's text). Pass next as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "A page of the dyad's events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "pakistan-turkiye",
                    value = "{\"total\": 1, \"events\": [" + EVENT_EXAMPLE + "], \"next\": null}")))
    @APIResponse(responseCode = "400", description = "Malformed id, the same actor twice, a bad filter or cursor")
    @APIResponse(responseCode = "404", description = "An actor no article names")
    public EventService.Page evidence(
            @Parameter(description = "Source entity id", example = "country:PAK") @PathParam("source") String source,
            @Parameter(description = "Target entity id", example = "country:TUR") @PathParam("target") String target,
            @Parameter(description = "As for GET /events", example = "05,06") @QueryParam("root") List<String> root,
            @Parameter(description = "Events per page, 1 to 100 (default 20)", example = "20") @QueryParam("limit") String limit,
            @Parameter(description = "next of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Reports shown per event, 1 to 50 (default 10)", example = "10") @QueryParam("evidence") String evidence,
            @Context UriInfo uri) {
        Params params = new Params(uri, INVALID, DYAD_EVIDENCE);
        pair(source, target);
        EventQuery query = query(params).forDyad(source, target);
        int size = params.limit("limit", 20, 100);
        String after = params.text("cursor", 2_000);
        int shown = params.limit("evidence", 10, 50);
        if (!events.known(source, target)) {
            throw notFound(source, target);
        }
        return events.find(query, size, after, shown);
    }

    /** The filters of a request; parameters the endpoint does not take were refused by {@link Params} already. */
    private static EventQuery query(Params params) {
        List<String> dyad = params.list("dyad", Params.ENTITY_ID, false, "country:PAK,country:TUR");
        if (!dyad.isEmpty() && dyad.size() != 2) {
            throw params.invalid("dyad", "dyad takes two different entity ids, A,B (for example "
                    + "country:PAK,country:TUR).");
        }
        List<String> codes = params.list("code", CODE, false, "057");
        List<String> roots = params.list("root", ROOT, false, "05");
        if (!codes.isEmpty() && !roots.isEmpty()) {
            throw params.invalid("root", "Give full CAMEO codes (code) or roots (root), not both.");
        }
        List<String> plover = params.list("plover", Params.TYPE, true, "AGREE");
        for (String p : plover) {
            if (!PLOVER.contains(p)) {
                throw params.invalid("plover", "plover must be one of " + String.join(", ", new java.util.TreeSet<>(PLOVER))
                        + ".");
            }
        }
        List<String> modes = params.list("mode", null, false, "occurred").stream()
                .map(m -> m.toLowerCase(java.util.Locale.ROOT)).toList();
        for (String m : modes) {
            if (!MODES.contains(m)) {
                throw params.invalid("mode", "mode must be one of " + String.join(", ", new java.util.TreeSet<>(MODES))
                        + ".");
            }
        }
        EventQuery query = new EventQuery(params.entityId("actor"), params.entityId("target"), dyad, codes, roots,
                params.list("quad", QUAD, false, "1"), plover, modes, params.date("from"), params.date("to"));
        Params.range(query.from(), query.to());
        return query;
    }

    private static void pair(String source, String target) {
        if (!Params.ENTITY_ID.matcher(source).matches()) {
            throw new InvalidRequest("invalid-id", "source", "An entity id looks like country:PAK or person:ishaq-dar.");
        }
        if (!Params.ENTITY_ID.matcher(target).matches()) {
            throw new InvalidRequest("invalid-id", "target", "An entity id looks like country:PAK or person:ishaq-dar.");
        }
        if (source.equals(target)) {
            throw new InvalidRequest(INVALID, "target", "A dyad is two different actors.");
        }
    }

    private static List<String> cells(EventService.ExportRow row, Function<String, String> cell) {
        return List.of(row.key(), text(row.date()), cell.apply(row.dateSource()), cell.apply(row.cameoCode()),
                cell.apply(row.cameoRoot()), cell.apply(row.cameoName()), Integer.toString(row.quadClass()),
                Double.toString(row.goldstein()), cell.apply(row.ploverType()), cell.apply(row.ploverMode()),
                cell.apply(row.mode()),
                cell.apply(joined(row.sources(), EventService.Party::entityId)),
                cell.apply(joined(row.sources(), EventService.Party::name)),
                cell.apply(joined(row.sources(), EventService.Party::country)),
                cell.apply(joined(row.targets(), EventService.Party::entityId)),
                cell.apply(joined(row.targets(), EventService.Party::name)),
                cell.apply(joined(row.targets(), EventService.Party::country)),
                Long.toString(row.independentSources()), Long.toString(row.articles()), Long.toString(row.publishers()),
                String.join(";", row.articleIds().stream().map(Object::toString).toList()),
                row.articleId().toString(), Integer.toString(row.sentence()), cell.apply(row.sentenceText()),
                cell.apply(row.trigger()), Integer.toString(row.triggerStart()), Integer.toString(row.triggerEnd()),
                Double.toString(row.confidence()));
    }

    private static String joined(List<EventService.Party> parties, Function<EventService.Party, String> field) {
        return String.join(";", parties.stream().map(p -> field.apply(p) == null ? "" : field.apply(p)).toList());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static HttpProblem notFound(String source, String target) {
        return HttpProblem.builder()
                .withStatus(Response.Status.NOT_FOUND)
                .withTitle("Actor not found")
                .withDetail("No enriched article names " + source + " or " + target + ".")
                .build();
    }
}
