package org.dyad.nlp.analysis;

import java.time.LocalDate;
import org.dyad.nlp.pipeline.CoreNlpPipeline;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.Seed;

/** One real engine for every analysis test in the JVM: loading the models takes ~20-30 s and ~1 GB of heap. */
final class EngineParses {

    private static final class Holder {
        static final CoreNlpPipeline PIPELINE = new CoreNlpPipeline("test");
    }

    private EngineParses() {
    }

    static ParsedText parse(String text, LocalDate publishedAt) {
        return Holder.PIPELINE.parse(text, publishedAt);
    }

    static ParsedText seed(String name) {
        Seed seed = Seed.read(name);
        return parse(seed.text(), seed.publishedAt());
    }
}
