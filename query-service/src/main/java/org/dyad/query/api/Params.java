package org.dyad.query.api;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.dyad.query.service.InvalidRequest;

/**
 * The query parameters of one request, read strictly: a parameter the endpoint does not know, a value of the
 * wrong shape, an impossible or inverted date range are refused with a 400 problem naming the parameter.
 */
final class Params {

    static final Pattern ENTITY_ID = Pattern.compile("[a-z][a-z_]{0,30}:[\\p{L}\\p{N}][\\p{L}\\p{N}._'\\-]{0,199}");
    static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");
    static final Pattern TYPE = Pattern.compile("[A-Z][A-Z_]{1,29}");
    static final Pattern TOPIC = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    static final int MAX_VALUES = 20;

    private final MultivaluedMap<String, String> values;
    private final String slug;

    /**
     * @param slug the problem type of a malformed value on this endpoint
     * @param known the parameters the endpoint accepts
     */
    Params(UriInfo uri, String slug, Set<String> known) {
        this.values = uri.getQueryParameters();
        this.slug = slug;
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            String name = unknown.iterator().next();
            throw new InvalidRequest("unknown-parameter", name, "Unknown parameter '" + shorten(name)
                    + "'. This endpoint accepts: " + String.join(", ", new TreeSet<>(known)) + ".");
        }
    }

    /** The single value of {@code name}, stripped, or null when absent or blank. */
    String text(String name, int maxLength) {
        List<String> all = values.getOrDefault(name, List.of());
        if (all.size() > 1) {
            throw invalid(name, name + " may be given once.");
        }
        if (all.isEmpty() || all.get(0).isBlank()) {
            return null;
        }
        String value = all.get(0).strip();
        if (value.length() > maxLength) {
            throw invalid(name, name + " may have at most " + maxLength + " characters.");
        }
        if (value.chars().anyMatch(ch -> ch < 0x20)) {
            throw invalid(name, name + " may not contain control characters.");
        }
        return value;
    }

    /** Every value of {@code name} (repeated, or comma-separated), each matching {@code shape}. */
    List<String> list(String name, Pattern shape, boolean upperCase, String example) {
        List<String> out = new ArrayList<>();
        for (String raw : values.getOrDefault(name, List.of())) {
            for (String part : raw.split(",")) {
                String value = part.strip();
                if (value.isEmpty()) {
                    continue;
                }
                if (upperCase) {
                    value = value.toUpperCase(Locale.ROOT);
                }
                if (shape != null && !shape.matcher(value).matches() || value.length() > 200) {
                    throw invalid(name, "'" + shorten(value) + "' is not a valid " + name + " (for example " + example
                            + ").");
                }
                if (!out.contains(value)) {
                    out.add(value);
                }
            }
        }
        if (out.size() > MAX_VALUES) {
            throw invalid(name, "At most " + MAX_VALUES + " values of " + name + " may be given.");
        }
        return out;
    }

    /** An entity id given once, or null. */
    String entityId(String name) {
        String value = text(name, 240);
        if (value != null && !ENTITY_ID.matcher(value).matches()) {
            throw invalid(name, "'" + shorten(value) + "' is not an entity id (for example country:PAK or "
                    + "person:ishaq-dar).");
        }
        return value;
    }

    /** A whole number from 1 to {@code max}; {@code fallback} when absent. */
    int limit(String name, int fallback, int max) {
        String value = text(name, 12);
        if (value == null) {
            return Math.min(fallback, max);
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // answered below like any other out-of-range value
        }
        throw invalid(name, name + " must be a whole number from 1 to " + max + ".");
    }

    /** An ISO date (YYYY-MM-DD), or null. */
    LocalDate date(String name) {
        String value = text(name, 10);
        if (value == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (date.getYear() < 1000 || date.getYear() > 9999) {
                throw invalid(name, name + " must be a date between the years 1000 and 9999.");
            }
            return date;
        } catch (DateTimeParseException impossible) {
            throw invalid(name, "'" + shorten(value) + "' is not a calendar date; write it YYYY-MM-DD, e.g. 2025-05-08.");
        }
    }

    /** Checks that {@code from} is not after {@code to}. */
    static void range(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequest("invalid-date-range", "from",
                    "from (" + from + ") is after to (" + to + "); the range would be empty.");
        }
    }

    /** One of {@code allowed} (case-insensitive), or {@code fallback} when absent. */
    String choice(String name, Set<String> allowed, String fallback) {
        String value = text(name, 40);
        if (value == null) {
            return fallback;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw invalid(name, name + " must be one of " + String.join(", ", new TreeSet<>(allowed)) + ".");
        }
        return lower;
    }

    /** The parameters of two sets, for an endpoint that takes another's and some more. */
    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    InvalidRequest invalid(String name, String detail) {
        return new InvalidRequest(slug, name, detail);
    }

    private static String shorten(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
