package org.dyad.ingest.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;

/**
 * Gives every problem response a stable {@code type}: the one its thrower chose, else one derived
 * from the HTTP status ({@code urn:dyad:problem:not-found}, ...), so clients can branch on it.
 */
@ApplicationScoped
class ProblemTypes implements ProblemPostProcessor {

    static final String PREFIX = "urn:dyad:problem:";

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

    static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 502 -> "bad-gateway";
            case 503 -> "service-unavailable";
            case 504 -> "gateway-timeout";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
