package org.dyad.contracts;

import java.util.List;

/**
 * What cleaning did to one article, kept with it so an analyst can see why the text differs from
 * the raw input.
 *
 * @param removedLines boilerplate lines dropped, each with the rule that matched
 * @param duplicateParagraphs paragraphs dropped because the same paragraph came earlier
 * @param bodyRepeated true when the whole body came twice (or more) and was collapsed to one copy
 * @param unicodeNormalised true when Unicode NFC changed the text (e.g. a decomposed "ü" composed)
 */
public record CleaningRecord(List<RemovedLine> removedLines, int duplicateParagraphs, boolean bodyRepeated,
        boolean unicodeNormalised) {

    /** The record of an article that cleaning did not change. */
    public static final CleaningRecord NONE = new CleaningRecord(List.of(), 0, false, false);

    public CleaningRecord {
        removedLines = removedLines == null ? List.of() : List.copyOf(removedLines);
    }

    /** A removed line and the rule that removed it. */
    public record RemovedLine(String rule, String text) {
    }
}
