package org.dyad.ingest.service;

import java.time.LocalDate;

/**
 * An article as a client sent it, before cleaning.
 *
 * @param dateSource where {@code publishedAt} came from: {@code header}, {@code html-meta}, {@code client},
 *        or null when absent
 */
public record ArticleDraft(String title, String body, String source, String url, String language,
        LocalDate publishedAt, String dateSource, String author) {

    public ArticleDraft(String title, String body, String source, String url, String language,
            LocalDate publishedAt, String dateSource) {
        this(title, body, source, url, language, publishedAt, dateSource, null);
    }
}
