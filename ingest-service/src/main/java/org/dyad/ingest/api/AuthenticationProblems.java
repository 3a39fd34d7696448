package org.dyad.ingest.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers a missing or invalid bearer token with a 401 problem. It replaces the problem extension's
 * own 401 mappers, which do not run on Quarkus 3.32 (they read a field that ChallengeData no longer has).
 */
class AuthenticationProblems {

    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class}, priority = Priorities.USER - 100)
    Response unauthorized(RuntimeException e) {
        return HttpProblem.builder()
                .withStatus(Response.Status.UNAUTHORIZED)
                .withType(ProblemTypes.type("unauthorized"))
                .withTitle("Unauthorized")
                .withDetail("A valid bearer token is required.")
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build()
                .toResponse();
    }
}
