package org.dyad.contracts;

/**
 * One side of an event, resolved to a canonical entity.
 *
 * @param entityId canonical entity id (e.g. {@code country:PAK}, {@code person:hakan-fidan})
 * @param name canonical name
 * @param type entity type
 * @param country ISO 3166-1 alpha-3 of the country the actor acts for, or null
 * @param role the role the actor acts in ("Foreign Minister"), or null
 * @param start offset of the actor's mention in the cleaned text
 * @param end offset after the actor's mention
 */
public record EventActor(String entityId, String name, String type, String country, String role, int start,
        int end) {
}
