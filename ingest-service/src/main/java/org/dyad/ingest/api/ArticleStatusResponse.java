package org.dyad.ingest.api;

import java.time.Instant;
import java.util.UUID;

/** The ingest status of one article. */
public record ArticleStatusResponse(UUID id, String status, String reason, String pipelineVersion,
        Instant receivedAt, Instant updatedAt) {
}
