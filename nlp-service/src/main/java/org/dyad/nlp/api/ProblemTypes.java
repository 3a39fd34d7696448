package org.dyad.nlp.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Gives every problem response a stable {@code type} ({@code urn:dyad:problem:<slug>}, from the status) when the
 * thrower set none. The service has no REST API of its own yet; this keeps any endpoint added later consistent.
 */
@ApplicationScoped
@Startup
class ProblemTypes implements ProblemPostProcessor {

    static final String PREFIX = "urn:dyad:problem:";

    /** Slugs whose HTTP reason phrase is not the name clients know them by. */
    private static final Map<Integer, String> SLUGS = Map.of(
            413, "payload-too-large",
            500, "internal-error");

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        URI type = problem.getType();
        if (type != null && !type.toString().isBlank() && !"about:blank".equals(type.toString())) {
            return problem;
        }
        return HttpProblem.builder(problem).withType(URI.create(PREFIX + slug(problem))).build();
    }

    static String slug(HttpProblem problem) {
        int status = problem.getStatusCode();
        String known = SLUGS.get(status);
        if (known != null) {
            return known;
        }
        String reason = problem.getStatus() == null ? null : problem.getStatus().getReasonPhrase();
        if (reason == null || reason.isBlank()) {
            return "status-" + status;
        }
        return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
