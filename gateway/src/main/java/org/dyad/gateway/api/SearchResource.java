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
import org.dyad.gateway.service.Backend;
import org.dyad.gateway.security.RateLimited;
import org.dyad.gateway.service.Forwarder;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public search endpoint, answered by query-service. */
@Path("/api/v1/search")
@Tag(name = "Search")
@Blocking
@RateLimited
class SearchResource {

    private final Forwarder forwarder;

    SearchResource(Forwarder forwarder) {
        this.forwarder = forwarder;
    }

    // q and limit are declared for the OpenAPI document only: query-service validates them, and the raw
    // query string goes on untouched, so new search parameters need no gateway change.
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Operation(summary = "Full-text search with \"phrases\", or and -exclusions; ranked, with <mark>ed snippets")
    public Response search(
            @Parameter(description = "What to search for (web search syntax)", required = true) @QueryParam("q") String q,
            @Parameter(description = "Number of results, 1 to 100 (default 20)") @QueryParam("limit") String limit,
            @Context UriInfo uri, @Context HttpHeaders headers) {
        return Relay.response(forwarder.forward(Backend.QUERY, "GET", Relay.pathAndQuery("/api/v1/search", uri),
                Relay.headers(headers), null));
    }
}
