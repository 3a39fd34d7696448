package org.dyad.gateway.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.dyad.gateway.security.RateLimited;
import org.dyad.gateway.service.Backend;
import org.dyad.gateway.service.Forwarder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin endpoints: the audit trail and reprocessing (ingest-service). */
@Path("/api/v1/admin")
@Tag(name = "Admin")
@Blocking
@RateLimited
class AdminRoutes {

    private final Forwarder forwarder;

    AdminRoutes(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    @GET
    @Path("audit")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Audit trail: every write and admin action (who, what, when, outcome), newest first")
    public Response audit(
            @Parameter(description = "Only this actor") @QueryParam("actor") String actor,
            @Parameter(description = "Only events at or after this ISO-8601 instant") @QueryParam("since") String since,
            @Parameter(description = "At most this many, 1 to 500 (default 100)") @QueryParam("limit") String limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return Relay.response(forwarder.forward(Backend.INGEST, "GET", Relay.pathAndQuery("/api/v1/admin/audit", uri),
                Relay.headers(headers), null));
    }

    /** Reprocess requests are small filters; ingest-service holds them to the same limit. */
    static final int MAX_REPROCESS_BYTES = 256 * 1024;

    @POST
    @Path("reprocess")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Reprocess stored articles: queue them for enrichment again (after a pipeline upgrade)",
            description = "Body: {ids: [at most 1000 article ids], status: cleaned|enriched|failed, pipelineVersionNot: "
                    + "a pipeline version (articles enriched by any other), from/to: publication dates, all: true, "
                    + "limit: 1 to 100000 (default 10000)}; filters combine with AND; at least one filter or all: true. "
                    + "Answers 202 {queued, remaining}; call again while remaining > 0. An article already waiting for "
                    + "enrichment is not queued twice; the read model replaces an article's annotations when it is "
                    + "enriched again, so nothing is shown twice.")
    public Response reprocess(byte[] body, @Context HttpHeaders headers) {
        if (body != null && body.length > MAX_REPROCESS_BYTES) {
            throw HttpProblem.builder().withStatus(413).withType(ProblemTypes.type("body-too-large"))
                    .withTitle("Body too large")
                    .withDetail("A reprocess request has at most " + MAX_REPROCESS_BYTES + " bytes.").build();
        }
        return Relay.response(forwarder.forward(Backend.INGEST, "POST", "/api/v1/admin/reprocess",
                Relay.headers(headers), body));
    }
}
