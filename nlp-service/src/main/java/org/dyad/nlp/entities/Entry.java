package org.dyad.nlp.entities;

import java.util.List;
import org.dyad.contracts.Role;

/**
 * One dictionary entry: what a matched name refers to.
 *
 * @param kind the mention type
 * @param id the canonical entity id ({@code country:TUR}, {@code org:NATO}, {@code person:hakan-fidan},
 *        {@code title:foreign-minister})
 * @param name the canonical name ("Turkey", "North Atlantic Treaty Organization", "Foreign Minister")
 * @param country ISO 3166-1 alpha-3 code the entry belongs to, or null
 * @param roles the roles the dictionaries know for a person, else empty
 */
public record Entry(Kind kind, String id, String name, String country, List<Role> roles) {

    public Entry {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public Entry(Kind kind, String id, String name, String country) {
        this(kind, id, name, country, List.of());
    }
}
