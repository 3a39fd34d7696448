package org.dyad.nlp.pipeline;

/**
 * The one CoreNLP pipeline of the test JVM: the models take 20-40 s and ~0.5 GB to load, so every test class that
 * parses real text shares this instance (as the service's worker threads share theirs).
 */
public final class TestPipeline {

    private static CoreNlpPipeline shared;

    private TestPipeline() {
    }

    public static synchronized CoreNlpPipeline shared() {
        if (shared == null) {
            shared = new CoreNlpPipeline("test-version");
        }
        return shared;
    }
}
