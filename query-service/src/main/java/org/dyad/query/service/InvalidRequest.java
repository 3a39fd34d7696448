package org.dyad.query.service;

/**
 * A request the read model cannot answer as asked; the API turns it into a 400 problem whose type is
 * {@code urn:dyad:problem:<slug>} and which names the offending parameter.
 */
public final class InvalidRequest extends RuntimeException {

    private final String slug;
    private final String parameter;

    public InvalidRequest(String slug, String parameter, String detail) {
        super(detail, null, false, false);
        this.slug = slug;
        this.parameter = parameter;
    }

    public String slug() {
        return slug;
    }

    public String parameter() {
        return parameter;
    }
}
