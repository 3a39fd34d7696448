package org.dyad.query.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import org.dyad.query.service.InvalidRequest;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns a request the read model cannot answer into a 400 problem naming the parameter. */
class InvalidRequestMapper {

    @ServerExceptionMapper
    Response invalid(InvalidRequest e) {
        String title = switch (e.slug()) {
            case "unknown-parameter" -> "Unknown parameter";
            case "invalid-date-range" -> "Invalid date range";
            case "invalid-cursor" -> "Invalid cursor";
            case "invalid-query" -> "Invalid search query";
            default -> "Invalid parameter";
        };
        return HttpProblem.builder()
                .withType(ProblemTypes.type(e.slug()))
                .withStatus(Response.Status.BAD_REQUEST)
                .withTitle(title)
                .withDetail(e.getMessage())
                .with("parameter", e.parameter())
                .build()
                .toResponse();
    }
}
