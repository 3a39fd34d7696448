package org.dyad.contracts;

/** Kafka topic names shared by every service; records are keyed by article id. */
public final class Topics {
    public static final String ARTICLES_INGESTED = "articles.ingested";
    public static final String ARTICLES_ENRICHED = "articles.enriched";
    public static final String ARTICLES_FAILED = "articles.failed";

    private Topics() {
    }
}
