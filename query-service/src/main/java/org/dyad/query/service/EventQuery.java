package org.dyad.query.service;

import java.time.LocalDate;
import java.util.List;

/**
 * The filters of an events query. Every filter is a property of the event, not of one report of it (the code, the
 * mode, the day and the actor sets are in its key), so filtering reports and then grouping them by key keeps every
 * event whole.
 *
 * @param actor an entity id among the sources, or null
 * @param target an entity id among the targets, or null
 * @param dyad two entity ids, one a source and the other a target, either way round; or empty
 * @param codes full CAMEO codes, any of them
 * @param roots two-digit CAMEO roots, any of them
 * @param quadClasses quad classes 1 to 4, any of them
 * @param ploverTypes PLOVER types, any of them
 * @param modes {@code occurred}, {@code planned}, {@code denied}, {@code hypothetical}, any of them
 * @param from earliest event day, inclusive, or null
 * @param to latest event day, inclusive, or null
 */
public record EventQuery(String actor, String target, List<String> dyad, List<String> codes, List<String> roots,
        List<String> quadClasses, List<String> ploverTypes, List<String> modes, LocalDate from, LocalDate to) {

    public EventQuery {
        dyad = List.copyOf(dyad);
        codes = List.copyOf(codes);
        roots = List.copyOf(roots);
        quadClasses = List.copyOf(quadClasses);
        ploverTypes = List.copyOf(ploverTypes);
        modes = List.copyOf(modes);
    }

    /** The same filters for the directed dyad source → target. */
    public EventQuery forDyad(String source, String target) {
        return new EventQuery(source, target, List.of(), codes, roots, quadClasses, ploverTypes, modes, from, to);
    }

    /** What a cursor is bound to: the same filters give the same fingerprint. */
    String fingerprint() {
        return String.join("\u001e", String.valueOf(actor), String.valueOf(target), String.join(",", dyad),
                String.join(",", codes), String.join(",", roots), String.join(",", quadClasses),
                String.join(",", ploverTypes), String.join(",", modes), String.valueOf(from), String.valueOf(to));
    }

    /** The conditions on {@code coded_event e}, appended to {@code where} with their parameters. */
    void where(StringBuilder where, List<Object> params) {
        if (actor != null) {
            where.append(" AND e.source_ids @> ?::text[]");
            params.add(List.of(actor));
        }
        if (target != null) {
            where.append(" AND e.target_ids @> ?::text[]");
            params.add(List.of(target));
        }
        if (dyad.size() == 2) {
            where.append(" AND ((e.source_ids @> ?::text[] AND e.target_ids @> ?::text[])"
                    + " OR (e.source_ids @> ?::text[] AND e.target_ids @> ?::text[]))");
            params.add(List.of(dyad.get(0)));
            params.add(List.of(dyad.get(1)));
            params.add(List.of(dyad.get(1)));
            params.add(List.of(dyad.get(0)));
        }
        any(where, params, "e.cameo_code", codes);
        any(where, params, "left(e.cameo_code, 2)", roots);
        if (!quadClasses.isEmpty()) {
            where.append(" AND e.quad_class = ANY (?::text[]::integer[])");
            params.add(quadClasses);
        }
        any(where, params, "e.plover_type", ploverTypes);
        any(where, params, "e.mode", modes);
        if (from != null) {
            where.append(" AND e.event_day >= ?");
            params.add(from);
        }
        if (to != null) {
            where.append(" AND e.event_day <= ?");
            params.add(to);
        }
    }

    private static void any(StringBuilder where, List<Object> params, String column, List<String> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" = ANY (?::text[])");
            params.add(values);
        }
    }
}
