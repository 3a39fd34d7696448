package org.dyad.gateway.security;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import jakarta.json.JsonString;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Takes one token from the caller's bucket, or answers 429 with {@code Retry-After}. */
@RateLimited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
class RateLimitInterceptor {

    static final URI TYPE = URI.create("urn:dyad:problem:rate-limited");

    private final RateLimiter limiter;
    private final SecurityIdentity identity;

    RateLimitInterceptor(RateLimiter limiter, SecurityIdentity identity) {
        this.limiter = limiter;
        this.identity = identity;
    }

    @AroundInvoke
    Object limit(InvocationContext call) throws Exception {
        RateLimiter.Decision decision = limiter.tryTake(callerOf(identity));
        if (!decision.allowed()) {
            throw HttpProblem.builder()
                    .withType(TYPE)
                    .withStatus(429)
                    .withTitle("Too many requests")
                    .withDetail("The rate limit of this client is reached; retry after " + decision.retryAfterSeconds()
                            + " s.")
                    .withHeader("Retry-After", decision.retryAfterSeconds())
                    .build();
        }
        return call.proceed();
    }

    /**
     * Whose bucket a call takes from: the OAuth client the token was issued to ({@code azp}) and the subject, so
     * every person using the shared command-line client has a bucket of their own, and a service account
     * (client credentials) has its client's.
     */
    static RateLimiter.Caller callerOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            // Custom claims come back as JSON values (jakarta.json.JsonString), standard ones as strings.
            Object claim = jwt.getClaim("azp");
            String azp = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
            String subject = jwt.getSubject() != null ? jwt.getSubject() : identity.getPrincipal().getName();
            return new RateLimiter.Caller(azp == null || azp.isBlank() ? "unknown-client" : azp, subject);
        }
        return new RateLimiter.Caller("unknown-client", identity.getPrincipal().getName());
    }
}
