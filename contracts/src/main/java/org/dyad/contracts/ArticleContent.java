package org.dyad.contracts;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * An article as ingest-service stored it: the cleaned text that every downstream character offset
 * refers to, and its metadata.
 *
 * @param author by-line, when the source gave one
 * @param language ISO 639-1 code detected from the text ({@code und} when it could not be told)
 * @param languageConfidence the detector's confidence in {@code language}, 0 to 1
 * @param publishedAt publication date, or null when no source gave one
 * @param dateSource where {@code publishedAt} came from: {@code header}, {@code html-meta}, {@code client},
 *        {@code text} or {@code ingest-time}
 * @param contentHash SHA-256 of the cleaned text
 * @param cleaning what cleaning removed or collapsed
 * @param clusterId the near-duplicate cluster the article belongs to (syndicated or lightly edited copies of
 *        one story share it; it is the id of the cluster's first article), or null when not clustered
 */
public record ArticleContent(
        String title,
        String text,
        String source,
        String url,
        String author,
        String language,
        double languageConfidence,
        LocalDate publishedAt,
        String dateSource,
        String contentHash,
        CleaningRecord cleaning,
        UUID clusterId) {

    public ArticleContent {
        Objects.requireNonNull(text, "text");
        cleaning = cleaning == null ? CleaningRecord.NONE : cleaning;
    }

    /** The text nlp-service analyses: the headline, a blank line, the cleaned text (see {@link AnalysedText}). */
    public String analysedText() {
        return AnalysedText.of(title, text);
    }

    /** This content with {@link #analysedText()} as its text; everything else, the content hash too, unchanged. */
    public ArticleContent analysed() {
        String analysed = analysedText();
        return analysed.equals(text) ? this : new ArticleContent(title, analysed, source, url, author, language,
                languageConfidence, publishedAt, dateSource, contentHash, cleaning, clusterId);
    }

    /** Content with only the fields a simple producer has; the rest left empty. */
    public static ArticleContent of(String title, String text, String source, String url, String language,
            LocalDate publishedAt) {
        return new ArticleContent(title, text, source, url, null, language, 0, publishedAt,
                publishedAt == null ? null : "client", null, CleaningRecord.NONE, null);
    }
}
