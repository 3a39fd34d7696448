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
        RateLimiter.Decision decision = limiter.tryTake(clientOf(identity));
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

    /** The OAuth client (azp) the token was issued to, else the subject: the party the limit is for. */
    static String clientOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            // Custom claims come back as JSON values (jakarta.json.JsonString), standard ones as strings.
            Object claim = jwt.getClaim("azp");
            String azp = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
            if (azp != null && !azp.isBlank()) {
                return azp;
            }
            if (jwt.getSubject() != null) {
                return "sub:" + jwt.getSubject();
            }
        }
        return "principal:" + identity.getPrincipal().getName();
    }
}
