package org.dyad.nlp.messaging;

/** The channel names of this service; their topics are set in application.properties. */
final class Channels {
    static final String ARTICLES_INGESTED = "articles-ingested";
    static final String ARTICLES_ENRICHED = "articles-enriched";
    static final String ARTICLES_FAILED = "articles-failed";

    private Channels() {
    }
}
