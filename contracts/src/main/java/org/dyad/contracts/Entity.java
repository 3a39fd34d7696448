package org.dyad.contracts;

import java.util.List;

/**
 * One canonical entity named in an article: all its mentions grouped ("Fidan" and "Hakan Fidan"), with an
 * id that is the same in every article.
 *
 * @param id stable canonical id: {@code country:TUR} (ISO 3166-1 alpha-3), {@code org:NATO},
 *        {@code person:hakan-fidan}, {@code location:islamabad}; unknown entities get a normalised slug id
 * @param type PERSON, ORGANIZATION, COUNTRY, CITY, LOCATION, NATIONALITY or TITLE
 * @param name the canonical name
 * @param aliases the distinct surface forms this article used for it
 * @param country ISO 3166-1 alpha-3 code the entity belongs to or acts for (a person's country, a city's
 *        country, the country itself), or null
 * @param roles roles the article or the dictionaries give it
 * @param mentionCount how many mentions of this entity the article has
 * @param known true when the id comes from a curated dictionary, false for a normalised id of an unknown
 */
public record Entity(
        String id,
        String type,
        String name,
        List<String> aliases,
        String country,
        List<Role> roles,
        int mentionCount,
        boolean known) {

    public Entity {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
