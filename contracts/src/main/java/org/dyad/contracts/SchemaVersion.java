package org.dyad.contracts;

/** The schema version every event carries; bump it only when a field is renamed or removed. */
public final class SchemaVersion {
    public static final int CURRENT = 1;

    private SchemaVersion() {
    }
}
