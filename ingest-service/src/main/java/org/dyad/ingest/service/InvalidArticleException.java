package org.dyad.ingest.service;

/** An article that cannot be accepted as sent; {@code type} is the stable problem slug. */
public class InvalidArticleException extends RuntimeException {

    private final String type;

    public InvalidArticleException(String type, String detail) {
        super(detail);
        this.type = type;
    }

    public String type() {
        return type;
    }
}
