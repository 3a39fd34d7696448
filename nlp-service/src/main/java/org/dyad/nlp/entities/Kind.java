package org.dyad.nlp.entities;

/** What a dictionary entry names; the mention type Dyad publishes for it. */
public enum Kind {
    COUNTRY, NATIONALITY, CITY, LOCATION, ORGANIZATION, PERSON, TITLE,
    /** A state institution ("Army", "Foreign Ministry"): an organisation once a country names it ("Pakistan Army"). */
    INSTITUTION;
}
