package org.dyad.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.dyad.ingest.service.ReprocessService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sends stored articles through enrichment again, for admins (after a pipeline upgrade, or to retry failures). */
@Path("/api/v1/admin/reprocess")
@Blocking
class ReprocessResource {

    static final int MAX_BODY_BYTES = 256 * 1024;
    static final int MAX_IDS = 1000;
    static final int DEFAULT_LIMIT = 10_000;
    static final int MAX_LIMIT = 100_000;
    private static final Set<String> STATUSES = Set.of("cleaned", "enriched", "failed");

    /** The request body; every field optional, but at least one filter or {@code all: true}. */
    record Request(List<String> ids, String status, String pipelineVersionNot, String from, String to, Boolean all,
            Integer limit) {
    }

    /** The answer: articles queued by this request, and how many more match (call again to queue them). */
    record Answer(int queued, long remaining) {
    }

    private final ReprocessService reprocess;
    private final ObjectMapper json;

    ReprocessResource(ReprocessService reprocess, ObjectMapper json) {
        this.reprocess = reprocess;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Reprocess stored articles: queue them for enrichment again",
            description = "Body: {ids: [article ids, at most 1000], status: cleaned|enriched|failed, pipelineVersionNot: "
                    + "a pipeline version (articles enriched by any other), from/to: publication dates, all: true, "
                    + "limit: 1 to 100000 (default 10000)}; filters combine with AND, and at least one filter or "
                    + "all: true is required. Answers 202 {queued, remaining}: call again while remaining > 0. "
                    + "An article already waiting for enrichment is not queued twice.")
    public Response reprocess(byte[] body) throws java.io.IOException {
        if (body != null && body.length > MAX_BODY_BYTES) {
            throw HttpProblem.builder().withStatus(413).withType(ProblemTypes.type("body-too-large"))
                    .withTitle("Body too large").withDetail("A reprocess request has at most " + MAX_BODY_BYTES + " bytes.")
                    .build();
        }
        Request request;
        try {
            // an unknown (misspelt) field fails: silently ignoring "stauts" would reprocess more than was meant
            request = body == null || body.length == 0 ? null
                    : json.readerFor(Request.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (UnrecognizedPropertyException e) {
            throw invalid(e.getPropertyName(), "Unknown field " + abbreviate(e.getPropertyName())
                    + "; the fields are ids, status, pipelineVersionNot, from, to, all, limit.");
        } catch (JsonProcessingException e) {
            throw ArticleResource.problem("malformed-json", "The body is not a JSON reprocess request.");
        }
        if (request == null) {
            throw invalid("body", "A reprocess request needs a filter (ids, status, pipelineVersionNot, from, to) or all: true.");
        }
        List<UUID> ids = null;
        if (request.ids() != null) {
            if (request.ids().isEmpty() || request.ids().size() > MAX_IDS) {
                throw invalid("ids", "ids has 1 to " + MAX_IDS + " article ids.");
            }
            ids = new ArrayList<>();
            for (String id : request.ids()) {
                try {
                    ids.add(UUID.fromString(id == null ? "" : id.strip()));
                } catch (IllegalArgumentException e) {
                    throw invalid("ids", "Not an article id: " + abbreviate(id) + ".");
                }
            }
        }
        String status = null;
        if (request.status() != null) {
            status = request.status().strip().toLowerCase(Locale.ROOT);
            if (!STATUSES.contains(status)) {
                throw invalid("status", "status is one of cleaned, enriched, failed.");
            }
            status = status.toUpperCase(Locale.ROOT);
        }
        String version = request.pipelineVersionNot() == null || request.pipelineVersionNot().isBlank() ? null
                : request.pipelineVersionNot().strip();
        if (version != null && version.length() > 200) {
            throw invalid("pipelineVersionNot", "pipelineVersionNot has at most 200 characters.");
        }
        LocalDate from = date("from", request.from());
        LocalDate to = date("to", request.to());
        if (from != null && to != null && from.isAfter(to)) {
            throw invalid("to", "to is on or after from.");
        }
        boolean all = Boolean.TRUE.equals(request.all());
        if (!all && ids == null && status == null && version == null && from == null && to == null) {
            throw invalid("body", "A reprocess request needs a filter (ids, status, pipelineVersionNot, from, to) or all: true.");
        }
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw invalid("limit", "limit is a whole number from 1 to " + MAX_LIMIT + ".");
        }
        ReprocessService.Outcome outcome = reprocess.reprocess(
                new ReprocessService.Selection(ids, status, version, from, to, all), limit);
        return Response.accepted(new Answer(outcome.queued(), outcome.remaining())).build();
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, field + " is a date such as 2025-07-09.");
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static HttpProblem invalid(String field, String message) {
        return HttpProblem.builder().withStatus(400).withType(ProblemTypes.type("invalid-reprocess-request"))
                .withTitle("Invalid reprocess request").withDetail(message).with("field", field).build();
    }
}
