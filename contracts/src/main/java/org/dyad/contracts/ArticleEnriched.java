package org.dyad.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Published by nlp-service on {@link Topics#ARTICLES_ENRICHED}: the article as ingested plus its annotations.
 * Carrying the article lets query-service build its read model from this one topic. Every offset in
 * {@code annotations} indexes {@code article().text()}, which is the text that was analysed: the headline as its
 * first paragraph, then the cleaned text as ingested ({@link AnalysedText}); the rest of {@code article()} is as
 * ingested ({@code contentHash} is still the cleaned text's).
 */
public record ArticleEnriched(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        UUID articleId,
        String pipelineVersion,
        ArticleContent article,
        Annotations annotations) {

    public ArticleEnriched {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(pipelineVersion, "pipelineVersion");
        Objects.requireNonNull(article, "article");
        annotations = annotations == null ? Annotations.NONE : annotations;
    }

    /** The entity mentions (shortcut for {@code annotations().mentions()}). */
    public List<EntityMention> mentions() {
        return annotations.mentions();
    }

    /**
     * The enrichment of an ingested article, stamped now with the current schema version; the article carries the
     * {@linkplain AnalysedText analysed text} the annotations' offsets refer to.
     */
    public static ArticleEnriched of(ArticleIngested ingested, String pipelineVersion, Annotations annotations) {
        return new ArticleEnriched(UUID.randomUUID(), SchemaVersion.CURRENT, Instant.now(), ingested.articleId(),
                pipelineVersion, ingested.article().analysed(), annotations);
    }

    /** An enrichment that holds only entity mentions. */
    public static ArticleEnriched of(ArticleIngested ingested, String pipelineVersion, List<EntityMention> mentions) {
        return of(ingested, pipelineVersion, Annotations.ofMentions(mentions));
    }

    /** The Kafka key: the article id. */
    public String key() {
        return articleId.toString();
    }
}
