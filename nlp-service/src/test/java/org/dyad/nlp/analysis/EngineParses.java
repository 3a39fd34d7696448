package org.dyad.nlp.analysis;

import java.lang.ref.SoftReference;
import java.time.LocalDate;
import org.dyad.nlp.pipeline.CoreNlpPipeline;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Seed;

/**
 * One real engine for every analysis test in the JVM: loading the models takes ~20-30 s and ~1 GB of heap. Held
 * softly, so the Quarkus tests and the pipeline's own tests in the same JVM can take the memory back.
 */
final class EngineParses {

    private static SoftReference<CoreNlpPipeline> pipeline = new SoftReference<>(null);

    private EngineParses() {
    }

    private static synchronized CoreNlpPipeline pipeline() {
        CoreNlpPipeline p = pipeline.get();
        if (p == null) {
            p = new CoreNlpPipeline("test");
            pipeline = new SoftReference<>(p);
        }
        return p;
    }

    static ParsedText parse(String text, LocalDate publishedAt) {
        return pipeline().parse(text, publishedAt);
    }

    static ParsedText seed(String name) {
        Seed seed = Seed.read(name);
        return parse(seed.text(), seed.publishedAt());
    }
}
