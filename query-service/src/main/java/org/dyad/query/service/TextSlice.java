package org.dyad.query.service;

/**
 * A piece of an article's text between two offsets of the read model, cut in the database. Offsets are UTF-16
 * indices (Java's), PostgreSQL's {@code substr} counts code points: they agree unless the text holds a character
 * outside the Basic Multilingual Plane (an emoji), and only for such a text is the whole text sent, to be cut here.
 */
final class TextSlice {

    private TextSlice() {
    }

    /** Two select-list columns: the cut in code points, and the whole text when code points and UTF-16 differ. */
    static String columns(String text, String start, String end) {
        return "substr(" + text + ", " + start + " + 1, " + end + " - " + start + "), CASE WHEN " + text
                + " ~ '[\\U00010000-\\U0010FFFF]' THEN " + text + " END";
    }

    /** {@code text.substring(start, end)}, from the two columns; null when there are no offsets. */
    static String of(String cut, String wholeText, Integer start, Integer end) {
        if (start == null || end == null) {
            return null;
        }
        if (wholeText == null) {
            return cut;
        }
        int from = Math.min(start, wholeText.length());
        return wholeText.substring(from, Math.max(from, Math.min(end, wholeText.length())));
    }
}
