package org.dyad.gateway.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON form of a submitted article, for the OpenAPI document only: the gateway passes the body on
 * as bytes and ingest-service reads it.
 */
@Schema(name = "ArticleSubmission", description = "One article; body is required, the rest optional")
record ArticleSubmission(
        @Schema(description = "Headline") String title,
        @Schema(description = "Article text", required = true) String body,
        @Schema(description = "Where the article was published") String url,
        @Schema(description = "Publisher, e.g. dawn.com") String source,
        @Schema(description = "Publication date") LocalDate publishedAt,
        @Schema(description = "ISO 639-1 language code, e.g. en") String language) {
}
