package org.dyad.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Published by ingest-service on {@link Topics#ARTICLES_INGESTED} once an article is stored.
 * {@code text} is the cleaned text that every downstream character offset refers to.
 */
public record ArticleIngested(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        UUID articleId,
        String title,
        String text,
        String source,
        String url,
        String language,
        LocalDate publishedAt,
        String contentHash) {

    public ArticleIngested {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(text, "text");
    }

    /** A new event for an article, stamped now with the current schema version. */
    public static ArticleIngested of(UUID articleId, String title, String text, String source, String url,
            String language, LocalDate publishedAt, String contentHash) {
        return new ArticleIngested(UUID.randomUUID(), SchemaVersion.CURRENT, Instant.now(), articleId, title, text,
                source, url, language, publishedAt, contentHash);
    }

    /** The Kafka key: the article id, so every event of one article lands in one partition, in order. */
    public String key() {
        return articleId.toString();
    }
}
