package org.dyad.nlp.events;

import org.dyad.nlp.pipeline.CoreNlpPipeline;

/**
 * The one CoreNLP pipeline and event coder of a test JVM: loading the models takes 20-30 s and ~1 GB, so every
 * event test and harness shares them.
 */
final class SharedModels {

    private SharedModels() {
    }

    private static final class Holder {
        static final CoreNlpPipeline PIPELINE = new CoreNlpPipeline("events-test");
        static final EventCoder CODER = new EventCoder();
    }

    static CoreNlpPipeline pipeline() {
        return Holder.PIPELINE;
    }

    static EventCoder coder() {
        return Holder.CODER;
    }
}
