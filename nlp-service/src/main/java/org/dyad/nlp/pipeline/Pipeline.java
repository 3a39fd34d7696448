package org.dyad.nlp.pipeline;

import java.time.LocalDate;
import java.util.List;
import org.dyad.contracts.EntityMention;

/** The NLP engine behind the service: cleaned text in, entity mentions out; implementations are thread-safe. */
public interface Pipeline {

    /**
     * The entity mentions of one article.
     *
     * @param text the cleaned text; every mention's offsets index into it
     * @param publishedAt the publication date, anchoring relative dates ("Wednesday"); may be null
     */
    List<EntityMention> annotate(String text, LocalDate publishedAt);

    /** The version stamped on every enrichment this pipeline produces. */
    String version();
}
