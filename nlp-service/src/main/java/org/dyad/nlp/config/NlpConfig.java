package org.dyad.nlp.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of nlp-service, under {@code dyad.nlp}. */
@ConfigMapping(prefix = "dyad.nlp")
public interface NlpConfig {

    /** Stamped on every enrichment; bump it whenever the pipeline's output can change. */
    @WithDefault("corenlp-4.5.10+skeleton.1")
    String pipelineVersion();

    /** Longest cleaned text, in characters, the pipeline accepts; a longer article fails with {@code too-large}. */
    @WithDefault("200000")
    int maxChars();
}
