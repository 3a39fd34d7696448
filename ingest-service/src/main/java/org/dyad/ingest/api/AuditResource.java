package org.dyad.ingest.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.dyad.ingest.domain.AuditEvent;
import org.dyad.ingest.service.AuditTrail;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The audit trail of writes and admin actions, for admins. */
@Path("/api/v1/admin/audit")
@Blocking
class AuditResource {

    private static final int MAX_LIMIT = 500;

    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    /** One audit entry as the API shows it. */
    record Entry(long id, Instant at, String actor, String clientId, String roles, String method, String path,
            String action, UUID articleId, int status, String outcome, String requestId) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Audit trail: every write and admin action (who, what, when, outcome), newest first")
    public List<Entry> audit(
            @Parameter(description = "Only this actor (user name or service account)") @QueryParam("actor") String actor,
            @Parameter(description = "Only events at or after this instant (ISO-8601)") @QueryParam("since") String since,
            @Parameter(description = "At most this many events, 1 to 500 (default 100)") @QueryParam("limit") String limit) {
        return trail.read(blankToNull(actor), instant(since), limit(limit)).stream().map(AuditResource::entry).toList();
    }

    private static Entry entry(AuditEvent e) {
        return new Entry(e.id, e.at, e.actor, e.clientId, e.roles, e.method, e.path, e.action, e.articleId, e.status,
                e.outcome, e.requestId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(String since) {
        if (since == null || since.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw invalid("since", "since must be an ISO-8601 instant such as 2025-07-09T00:00:00Z");
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static HttpProblem invalid(String field, String message) {
        return HttpProblem.builder().withStatus(400).withType(ProblemTypes.type("invalid-parameter"))
                .withTitle("Invalid parameter").withDetail(message).with("field", field).build();
    }
}
