package org.dyad.nlp.events;

/**
 * Names the country a place, a people or a state is: "Pakistan", "Pakistani", "Islamabad" give {@code PAK}. The
 * coder asks it only when the entity layer left an actor's country empty.
 */
public interface CountryResolver {

    /** The ISO 3166-1 alpha-3 code the name stands for, or null. */
    String iso3(String name);
}
