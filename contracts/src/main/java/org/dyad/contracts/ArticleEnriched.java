package org.dyad.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Published by nlp-service on {@link Topics#ARTICLES_ENRICHED}: the article as ingested plus its annotations.
 * Carrying the article fields lets query-service build its read model from this one topic.
 */
public record ArticleEnriched(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        UUID articleId,
        String pipelineVersion,
        String title,
        String text,
        String source,
        String url,
        String language,
        LocalDate publishedAt,
        List<EntityMention> mentions) {

    public ArticleEnriched {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(pipelineVersion, "pipelineVersion");
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    /** The enrichment of an ingested article, stamped now with the current schema version. */
    public static ArticleEnriched of(ArticleIngested article, String pipelineVersion, List<EntityMention> mentions) {
        return new ArticleEnriched(UUID.randomUUID(), SchemaVersion.CURRENT, Instant.now(), article.articleId(),
                pipelineVersion, article.title(), article.text(), article.source(), article.url(), article.language(),
                article.publishedAt(), mentions);
    }

    /** The Kafka key: the article id. */
    public String key() {
        return articleId.toString();
    }
}
