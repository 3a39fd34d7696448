package org.dyad.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Published by ingest-service on {@link Topics#ARTICLES_INGESTED} once an article is stored. */
public record ArticleIngested(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        UUID articleId,
        ArticleContent article) {

    public ArticleIngested {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(article, "article");
    }

    /** A new event for an article, stamped now with the current schema version. */
    public static ArticleIngested of(UUID articleId, ArticleContent article) {
        return new ArticleIngested(UUID.randomUUID(), SchemaVersion.CURRENT, Instant.now(), articleId, article);
    }

    /** The Kafka key: the article id, so every event of one article lands in one partition, in order. */
    public String key() {
        return articleId.toString();
    }
}
