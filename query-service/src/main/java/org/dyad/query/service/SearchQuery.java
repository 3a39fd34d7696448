package org.dyad.query.service;

import java.time.LocalDate;
import java.util.List;

/**
 * What to search for: an optional full-text query in web-search syntax and filters. Values of one filter
 * combine with OR, except {@code entities}, which must all be named (Pakistan and Turkey together);
 * different filters combine with AND. {@code from}/{@code to} bound the article date, both inclusive.
 */
public record SearchQuery(String text, List<String> entities, List<String> countries, List<String> types,
        List<String> topics, List<String> sources, List<String> languages, LocalDate from, LocalDate to,
        Sort sort) {

    /** Result order. */
    public enum Sort {
        /** Best full-text rank first, then newest. */
        RELEVANCE,
        /** Newest first; undated articles last. */
        DATE
    }

    public SearchQuery {
        entities = List.copyOf(entities);
        countries = List.copyOf(countries);
        types = List.copyOf(types);
        topics = List.copyOf(topics);
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
    }

    /** True when a full-text query was given. */
    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    /** Everything the results depend on, so that a cursor can only continue the search it came from. */
    String fingerprint() {
        return String.join("\u001e", String.valueOf(text), entities.toString(), countries.toString(),
                types.toString(), topics.toString(), sources.toString(), languages.toString(), String.valueOf(from),
                String.valueOf(to), sort.name());
    }
}
