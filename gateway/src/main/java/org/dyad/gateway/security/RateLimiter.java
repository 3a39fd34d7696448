package org.dyad.gateway.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.dyad.gateway.config.GatewayConfig;

/**
 * One token bucket per client and subject, in this gateway instance's memory (bucket4j). With several gateway replicas each
 * holds its own buckets, so a client's effective limit is the per-instance limit times the replicas its calls
 * reach; a shared store is the next step if that ever matters.
 */
@ApplicationScoped
public class RateLimiter {

    private final GatewayConfig.RateLimit config;
    private final com.github.benmanes.caffeine.cache.Cache<String, Bucket> buckets;

    RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
        // Idle clients' buckets are dropped: a bucket left alone for a window is full again anyway.
        this.buckets = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(10))
                .maximumSize(100_000)
                .build();
    }

    /** Whether the caller may make one more call now, and if not, when. */
    public Decision tryTake(Caller caller) {
        if (!config.enabled()) {
            return new Decision(true, 0);
        }
        Bucket bucket = buckets.get(caller.clientId() + "/" + caller.subject(), key -> newBucket(caller.clientId()));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Decision(false, seconds);
    }

    private Bucket newBucket(String client) {
        GatewayConfig.RateLimit.Limit limit = config.clients().getOrDefault(client, config.defaults());
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity())
                        .refillGreedy(limit.refill(), limit.period()).build())
                .build();
    }

    /** Who calls: the OAuth client ({@code azp}), whose limit applies, and the subject, whose bucket it is. */
    public record Caller(String clientId, String subject) {
    }

    /** The answer for one call: allowed, or refused with the seconds to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }
}
