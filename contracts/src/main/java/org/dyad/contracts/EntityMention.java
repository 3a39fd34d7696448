package org.dyad.contracts;

/**
 * One mention of an entity in an article's cleaned text.
 *
 * @param entityId stable id of the entity the mention refers to, e.g. {@code country:PAK} or {@code person:hakan-fidan}
 * @param name the entity's canonical name
 * @param type the entity type (PERSON, ORGANIZATION, COUNTRY, LOCATION, ...)
 * @param text the covered text, exactly {@code cleanedText.substring(start, end)}
 * @param start offset of the first character (inclusive), in UTF-16 code units
 * @param end offset after the last character (exclusive)
 * @param sentence zero-based index of the sentence holding the mention
 */
public record EntityMention(
        String entityId,
        String name,
        String type,
        String text,
        int start,
        int end,
        int sentence) {
}
