package org.dyad.nlp.pipeline;

/** The models could not be loaded: no article is at fault, so nothing may be reported as its failure. */
public final class PipelineUnavailableException extends IllegalStateException {

    public PipelineUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
