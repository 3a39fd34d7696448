package org.dyad.gateway.api;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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

/** Admin endpoints: the audit trail (ingest-service). */
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
}
