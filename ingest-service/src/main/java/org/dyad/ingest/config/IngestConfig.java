package org.dyad.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the ingest service. */
@ConfigMapping(prefix = "dyad.ingest")
public interface IngestConfig {

    /** Largest single article accepted (one request, or one NDJSON line), in bytes. */
    @WithDefault("2097152")
    int maxArticleBytes();

    /** Largest cleaned article text accepted, in characters. */
    @WithDefault("1000000")
    int maxTextChars();

    /** The outbox relay. */
    Outbox outbox();

    /** Settings of the relay that publishes outbox rows to Kafka. */
    interface Outbox {
        /** How often the relay looks for unpublished rows (the scheduler runs at most once a second). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows claimed and sent per round. */
        @WithDefault("100")
        int batchSize();

        /** How long a claim keeps other relay instances off the same rows. */
        @WithDefault("3m")
        Duration claimTimeout();

        /** Longest wait for the broker to acknowledge a round before it is retried. */
        @WithDefault("2m")
        Duration sendTimeout();
    }
}
