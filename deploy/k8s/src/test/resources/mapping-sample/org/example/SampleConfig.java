package org.example;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read by ServiceConfigTest: the shapes a @ConfigMapping can take. */
@ConfigMapping(prefix = "sample.svc")
public interface SampleConfig {

    /** A plain key with a default. */
    @WithDefault("2097152")
    int maxArticleBytes();

    // a comment with a fake method: int notAKey();

    /** Renamed. */
    @WithName("base-url")
    @WithDefault("http://127.0.0.1:1")
    String url();

    /** No default. */
    Optional<String> apiKey();

    List<String> hosts();

    /** A group. */
    Outbox outbox();

    /** An optional group. */
    Optional<Retry> retry();

    Map<String, String> labels();

    interface Outbox {
        @WithDefault("${SAMPLE_POLL:1s}")
        Duration pollInterval();

        Retry retry();
    }

    interface Retry {
        @WithDefault("3")
        int maxAttempts();
    }
}
