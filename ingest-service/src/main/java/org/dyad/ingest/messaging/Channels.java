package org.dyad.ingest.messaging;

/** Reactive Messaging channel names of the ingest service (topics in application.properties). */
final class Channels {
    static final String ARTICLES_INGESTED = "articles-ingested";
    static final String ARTICLES_ENRICHED = "articles-enriched";
    static final String ARTICLES_FAILED = "articles-failed";

    private Channels() {
    }
}
