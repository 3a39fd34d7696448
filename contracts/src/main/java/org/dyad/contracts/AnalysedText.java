package org.dyad.contracts;

/**
 * The text nlp-service analyses and every annotation offset of an {@link ArticleEnriched} refers to: the article's
 * headline as its first paragraph, a blank line, then the cleaned text as ingest-service stored it. A headline is
 * often the one sentence that says what happened ("Pakistan, Russia sign … pact"), so it is analysed with the body.
 * When there is no headline, or the cleaned text already opens with it, the analysed text is the cleaned text.
 *
 * <p>The cleaned text starts at {@link #bodyStart} in the analysed text: an offset {@code o} of an annotation in
 * the body is {@code o - bodyStart} in the text ingest-service returns.
 */
public final class AnalysedText {

    /** What separates the headline from the body: a blank line, so the headline is a paragraph of its own. */
    public static final String SEPARATOR = "\n\n";

    private AnalysedText() {
    }

    /** The analysed text of an article with this headline (may be null) and cleaned text. */
    public static String of(String title, String text) {
        String headline = headline(title, text);
        return headline == null ? text : headline + SEPARATOR + text;
    }

    /** Where the cleaned text starts in {@link #of}'s result: 0 when no headline was put before it. */
    public static int bodyStart(String title, String text) {
        String headline = headline(title, text);
        return headline == null ? 0 : headline.length() + SEPARATOR.length();
    }

    /** The headline to put first, on one line, or null when there is none or the text already opens with it. */
    private static String headline(String title, String text) {
        if (title == null) {
            return null;
        }
        String headline = title.replaceAll("\\s+", " ").strip();
        if (headline.isEmpty() || opensWith(text, headline)) {
            return null;
        }
        return headline;
    }

    /** True when the text's first characters, whitespace collapsed and case ignored, are the headline. */
    private static boolean opensWith(String text, String headline) {
        int limit = Math.min(text.length(), headline.length() * 2 + 16);
        String head = text.substring(0, limit).replaceAll("\\s+", " ").strip();
        return head.regionMatches(true, 0, headline, 0, headline.length())
                && (head.length() == headline.length() || !Character.isLetterOrDigit(head.charAt(headline.length())));
    }
}
