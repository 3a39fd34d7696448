package org.dyad.nlp.pipeline;

import java.time.LocalDate;

/** The NLP engine behind the service: cleaned text in, tokens, sentences and entities out; thread-safe. */
public interface Pipeline {

    /**
     * The parse of one article: sentences, tokens, entity mentions and canonical entities.
     *
     * @param text the cleaned text; every mention's offsets index into it
     * @param publishedAt the publication date, anchoring relative dates ("Wednesday"); may be null
     */
    ParsedText parse(String text, LocalDate publishedAt);

    /** The version stamped on every enrichment this pipeline produces. */
    String version();
}
