package org.dyad.ingest.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The ingest status of one article, with its near-duplicate cluster.
 *
 * @param clusterId the near-duplicate cluster (the id of its first article; the article's own id if it began it)
 * @param clusterSize how many stored articles share the cluster
 * @param nearDuplicateOf the earlier article this one nearly duplicates, or null
 * @param similarity the estimated Jaccard similarity to {@code nearDuplicateOf}, or null
 */
public record ArticleStatusResponse(UUID id, String status, String reason, String pipelineVersion,
        Instant receivedAt, Instant updatedAt, UUID clusterId, long clusterSize, UUID nearDuplicateOf,
        Double similarity) {
}
