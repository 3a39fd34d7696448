package org.dyad.gateway.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/** Gives every problem response a stable {@code urn:dyad:problem:<slug>} type when its thrower set none. */
@ApplicationScoped
class ProblemTypes implements ProblemPostProcessor {

    static final String PREFIX = "urn:dyad:problem:";

    // Slugs that differ from the reason phrase, or that clients already rely on.
    private static final Map<Integer, String> SLUGS = Map.ofEntries(
            Map.entry(400, "bad-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(500, "internal-error"),
            Map.entry(502, "bad-gateway"),
            Map.entry(503, "service-unavailable"),
            Map.entry(504, "gateway-timeout"));

    /** The URI of a Dyad problem type. */
    static URI type(String slug) {
        return URI.create(PREFIX + slug);
    }

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getType() != null) {
            return problem;
        }
        return HttpProblem.builder(problem).withType(type(slug(problem.getStatusCode()))).build();
    }

    private static String slug(int status) {
        String known = SLUGS.get(status);
        if (known != null) {
            return known;
        }
        Response.Status standard = Response.Status.fromStatusCode(status);
        if (standard == null) {
            return status >= 500 ? "internal-error" : "bad-request";
        }
        return standard.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
