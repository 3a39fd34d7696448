package org.dyad.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Settings of the gateway ({@code dyad.gateway.*}): where the services are and how long to wait for them. */
@ConfigMapping(prefix = "dyad.gateway")
public interface GatewayConfig {

    /** Base URL of ingest-service (article submission and ingest status). */
    @WithDefault("http://127.0.0.1:8081")
    URI ingestUrl();

    /** Base URL of query-service (search and enriched articles). */
    @WithDefault("http://127.0.0.1:8083")
    URI queryUrl();

    /** Largest single article accepted, in bytes; batches are bounded by quarkus.http.limits.max-body-size. */
    @WithDefault("2097152")
    int maxArticleBytes();

    /** Longest wait for a connection to a service; past it the service counts as unreachable (502). */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Longest wait for a service's response once the request is sent; past it the caller gets 504. */
    @WithDefault("30s")
    Duration requestTimeout();

    /** Per-client rate limiting (token buckets). */
    RateLimit rateLimit();

    /** Token buckets: a client may burst up to {@code capacity} calls, then {@code refill} calls per {@code period}. */
    interface RateLimit {
        /** Off only for load benchmarks that measure the services behind the gateway. */
        @WithDefault("true")
        boolean enabled();

        /** The limit of every client without one of its own. */
        Limit defaults();

        /** Limits of particular clients, by OAuth client id ({@code azp}), e.g. the ingestion client. */
        Map<String, Limit> clients();

        /** One bucket's size and refill. */
        interface Limit {
            /** Calls a client may make in a burst. */
            @WithDefault("100")
            long capacity();

            /** Calls added back each period. */
            @WithDefault("50")
            long refill();

            /** The refill period. */
            @WithDefault("10s")
            Duration period();
        }
    }
}
