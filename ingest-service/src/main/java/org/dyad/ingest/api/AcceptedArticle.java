package org.dyad.ingest.api;

import java.util.UUID;

/** The answer to a posted article: its id, its status and where to follow it. */
public record AcceptedArticle(UUID id, String status, boolean duplicate, String statusUrl) {
}
