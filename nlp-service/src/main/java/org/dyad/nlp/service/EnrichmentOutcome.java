package org.dyad.nlp.service;

import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.ArticleFailed;

/** What became of one ingested message: exactly one event to publish, an enrichment or a failure. */
public sealed interface EnrichmentOutcome {

    /** The article was annotated. */
    record Enriched(ArticleEnriched event) implements EnrichmentOutcome {
    }

    /** The article (or the message) could not be annotated; the reason is on the event. */
    record Failed(ArticleFailed event) implements EnrichmentOutcome {
    }
}
