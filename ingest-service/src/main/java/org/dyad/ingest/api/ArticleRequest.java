package org.dyad.ingest.api;

/** A JSON article as clients post it; only {@code body} is required. */
public record ArticleRequest(
        String id,
        String title,
        String body,
        String url,
        String source,
        String publishedAt,
        String language) {
}
