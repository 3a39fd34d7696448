package org.dyad.contracts;

/**
 * A quotation and who said it.
 *
 * @param text the quoted words, without the quotation marks; a quotation over paragraphs (reopened at the start of
 *     each) has its paragraphs joined by one line break, without the reopening marks
 * @param start offset of the first quoted character (inclusive) into the cleaned text
 * @param end offset after the last quoted character (exclusive)
 * @param sentence zero-based index of the sentence the quotation starts in
 * @param speakerId canonical entity id of the speaker, or null when no speaker was found
 * @param speakerName the speaker's canonical name, or null
 * @param speakerStart offset of the speaker's mention that the attribution used, or -1
 * @param speakerEnd offset after that mention, or -1
 */
public record Quote(String text, int start, int end, int sentence, String speakerId, String speakerName,
        int speakerStart, int speakerEnd) {
}
