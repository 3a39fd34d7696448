package org.dyad.nlp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of nlp-service, under {@code dyad.nlp}. */
@ConfigMapping(prefix = "dyad.nlp")
public interface NlpConfig {

    /** Stamped on every enrichment; bump it whenever the pipeline's output can change. */
    @WithDefault("corenlp-4.5.10+dyad.6")
    String pipelineVersion();

    /** Longest cleaned text, in characters, the pipeline accepts; a longer article fails with {@code too-large}. */
    @WithDefault("200000")
    int maxChars();

    /**
     * Worker threads enriching articles in parallel, all sharing the one pipeline (its models are loaded once per
     * process); messages with the same key always go to the same worker, so per-article order is kept.
     */
    @WithDefault("2")
    int workers();
}
