package org.dyad.gateway.service;

/** The services behind the gateway. */
public enum Backend {
    INGEST("ingest-service"),
    QUERY("query-service");

    private final String serviceName;

    Backend(String serviceName) {
        this.serviceName = serviceName;
    }

    /** The name callers see in problem details. */
    public String serviceName() {
        return serviceName;
    }
}
