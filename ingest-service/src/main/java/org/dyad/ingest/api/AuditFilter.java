package org.dyad.ingest.api;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.time.Instant;
import java.util.TreeSet;
import org.dyad.ingest.domain.AuditEvent;
import org.dyad.ingest.service.AuditTrail;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes an audit event for every write ({@code POST}) and every admin call, whatever its outcome, refusals
 * included: who, what, when, outcome.
 */
class AuditFilter {

    @Inject
    SecurityIdentity identity;
    @Inject
    AuditTrail trail;
    // The filter may run on an I/O thread (a 401 is answered there): the insert goes to a worker.
    @Inject
    ManagedExecutor workers;

    @ServerResponseFilter
    void audit(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        boolean write = "POST".equals(request.getMethod());
        boolean admin = path.startsWith("/api/v1/admin");
        if (!write && !admin) {
            return;
        }
        AuditEvent event = new AuditEvent();
        event.at = Instant.now();
        event.method = request.getMethod();
        event.path = path.length() > 500 ? path.substring(0, 500) : path;
        event.action = admin ? "admin." + path.substring("/api/v1/admin".length()).replaceAll("^/|/$", "").replace('/', '.')
                : path.endsWith("/batch") ? "article.batch" : "article.submit";
        event.status = response.getStatus();
        event.outcome = response.getStatus() == 202 ? "created"
                : response.getStatus() == 200 ? (write && !path.endsWith("/batch") ? "duplicate" : "ok")
                : response.getStatus() < 500 ? "refused" : "failed";
        event.requestId = request.getHeaderString(RequestIds.HEADER);
        if (response.getEntity() instanceof AcceptedArticle accepted) {
            event.articleId = accepted.id();
        }
        if (!authenticated()) {
            event.actor = "anonymous";
        } else {
            event.actor = actorOf(identity);
            event.roles = String.join(",", new TreeSet<>(identity.getRoles()));
            if (identity.getPrincipal() instanceof JsonWebToken jwt) {
                event.clientId = claim(jwt, "azp");
            }
        }
        workers.execute(() -> trail.record(event));
    }

    /** Whether the request carried a token that was accepted; a refused token reads as anonymous. */
    private boolean authenticated() {
        try {
            return identity != null && !identity.isAnonymous();
        } catch (RuntimeException refusedToken) {
            return false;
        }
    }

    /** A claim as text: custom claims come back as JSON values (jakarta.json.JsonString), standard ones as strings. */
    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        return value instanceof jakarta.json.JsonString json ? json.getString() : value == null ? null : value.toString();
    }

    private static String actorOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            String name = claim(jwt, "preferred_username");
            if (name != null) {
                return name;
            }
            if (jwt.getSubject() != null) {
                return jwt.getSubject();
            }
        }
        return identity.getPrincipal().getName();
    }
}
