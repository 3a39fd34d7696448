package org.dyad.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of query-service ({@code dyad.query.*}). */
@ConfigMapping(prefix = "dyad.query")
public interface QueryConfig {

    /** Full-text search settings. */
    Search search();

    /** Full-text search settings ({@code dyad.query.search.*}). */
    interface Search {

        /** Results returned when the caller gives no {@code limit}. */
        @WithDefault("20")
        int defaultLimit();

        /** The largest {@code limit} a caller may ask for; more is refused with 400. */
        @WithDefault("100")
        int maxLimit();

        /**
         * At most this many matches, the newest, are ranked and counted for facets; when more match, the total is
         * an estimate ({@code totalIsEstimate}) and {@code window} says how many were ranked. At least 1.
         */
        @WithDefault("1000")
        int rankWindow();
    }
}
