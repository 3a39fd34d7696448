package org.dyad.contracts;

/**
 * One sentence of the cleaned text, so a reader can show the evidence sentence of any annotation.
 *
 * @param index zero-based sentence index, the one every annotation's {@code sentence} refers to
 * @param start offset of the first character (inclusive), UTF-16 code units into the cleaned text
 * @param end offset after the last character (exclusive)
 */
public record Sentence(int index, int start, int end) {
}
