package org.dyad.ingest.domain;

/** Where an article stands: received, cleaned (stored and queued for enrichment), then enriched or failed. */
public enum ArticleStatus {
    RECEIVED, CLEANED, ENRICHED, FAILED;

    /** The lower-case name used in the API. */
    public String apiName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
