package org.dyad.contracts;

/**
 * A date written in the text, normalised.
 *
 * @param text the covered text ("Thursday", "September 2021")
 * @param start offset of the first character (inclusive) into the cleaned text
 * @param end offset after the last character (exclusive)
 * @param sentence zero-based sentence index
 * @param value the normalised value: ISO {@code 2021-09-15}, or a coarser {@code 2021-09}, {@code 2021},
 *        {@code 2021-W37}
 * @param relative true when the text was relative ("Thursday", "earlier today") and was resolved against the
 *        publication date
 */
public record DateMention(String text, int start, int end, int sentence, String value, boolean relative) {
}
