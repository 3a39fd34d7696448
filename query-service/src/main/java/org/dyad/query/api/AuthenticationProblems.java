package org.dyad.query.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers a missing or invalid token with a 401 problem and the authenticator's challenge
 * ({@code WWW-Authenticate: Bearer}).
 * It stands in for quarkus-resteasy-problem 3.21.0's own 401 mappers, which fail with NoSuchFieldError on
 * Quarkus 3.32 (ChallengeData changed) and so answer 500; delete it once a compatible release resolves here.
 */
class AuthenticationProblems {

    // A higher priority (lower number) than the extension's mappers, which use the default USER priority.
    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class},
            priority = Priorities.USER - 100)
    Uni<Response> unauthorized(RoutingContext context) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        Uni<ChallengeData> challenge = authenticator == null
                ? Uni.createFrom().nullItem()
                : authenticator.getChallenge(context);
        return challenge.onFailure().recoverWithNull().map(data -> {
            HttpProblem.Builder problem = HttpProblem.builder()
                    .withType(ProblemTypes.type("unauthorized"))
                    .withStatus(Response.Status.UNAUTHORIZED)
                    .withTitle("Unauthorized")
                    .withDetail("A valid bearer token for dyad-api is required.")
                    .withInstance(instance(context));
            if (data != null) {
                data.getHeaders().forEach((name, value) -> problem.withHeader(name.toString(), value));
            }
            return problem.build().toResponse();
        });
    }

    private static URI instance(RoutingContext context) {
        try {
            return URI.create(context.normalizedPath());
        } catch (IllegalArgumentException unusualPath) {
            return null;
        }
    }
}
