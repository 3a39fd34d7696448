package org.dyad.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Published on {@link Topics#ARTICLES_FAILED} when an article cannot be processed; never dropped in silence.
 *
 * @param stage the service step that failed, e.g. {@code nlp}
 * @param reason a stable machine-readable reason, e.g. {@code too-large}, {@code not-english}, {@code pipeline-error}
 * @param detail a human-readable explanation, without stack traces
 * @param pipelineVersion the version of the pipeline that failed, or null outside nlp-service
 */
public record ArticleFailed(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        UUID articleId,
        String stage,
        String reason,
        String detail,
        String pipelineVersion) {

    public ArticleFailed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(reason, "reason");
    }

    /** A failure of an article, stamped now with the current schema version. */
    public static ArticleFailed of(UUID articleId, String stage, String reason, String detail, String pipelineVersion) {
        return new ArticleFailed(UUID.randomUUID(), SchemaVersion.CURRENT, Instant.now(), articleId, stage, reason,
                detail, pipelineVersion);
    }

    /** The Kafka key: the article id. */
    public String key() {
        return articleId.toString();
    }
}
