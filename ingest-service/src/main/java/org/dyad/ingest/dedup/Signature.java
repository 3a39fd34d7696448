package org.dyad.ingest.dedup;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A MinHash signature: one minimum per hash function. Immutable; stored with the article as
 * {@code int[]} ({@link #values()}) or {@code bytea} ({@link #toBytes()}).
 */
public final class Signature {

    /**
     * First byte of the serialised form. Signatures are only comparable when made with the same shingle
     * size, hash functions and seed; a change to any of them must bump this so stored signatures are
     * recognised as stale and recomputed from the stored text instead of being silently compared.
     */
    public static final byte FORMAT_VERSION = 1;

    /** A minimum no real hash can reach (MinHash values are below 2^31-1): marks a text without words. */
    static final int NO_SHINGLE = Integer.MAX_VALUE;

    private final int[] values;

    private Signature(int[] values) {
        this.values = values;
    }

    /** A signature from its stored values (e.g. a PostgreSQL {@code int[]} column). */
    public static Signature of(int[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a signature has at least one value");
        }
        return new Signature(values.clone());
    }

    /** A signature from {@link #toBytes()}. */
    public static Signature fromBytes(byte[] bytes) {
        if (bytes.length < 5 || (bytes.length - 1) % Integer.BYTES != 0) {
            throw new IllegalArgumentException("not a serialised signature: " + bytes.length + " bytes");
        }
        if (bytes[0] != FORMAT_VERSION) {
            throw new IllegalArgumentException("signature format " + bytes[0] + ", expected " + FORMAT_VERSION);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, bytes.length - 1);
        int[] values = new int[(bytes.length - 1) / Integer.BYTES];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getInt();
        }
        return new Signature(values);
    }

    /** The format version byte then each value big-endian: 1 + 4n bytes. */
    public byte[] toBytes() {
        ByteBuffer buffer = ByteBuffer.allocate(1 + values.length * Integer.BYTES);
        buffer.put(FORMAT_VERSION);
        for (int value : values) {
            buffer.putInt(value);
        }
        return buffer.array();
    }

    /** A copy of the values. */
    public int[] values() {
        return values.clone();
    }

    public int length() {
        return values.length;
    }

    /** True for the signature of a text without any word: it matches nothing. */
    public boolean isEmpty() {
        for (int value : values) {
            if (value != NO_SHINGLE) {
                return false;
            }
        }
        return true;
    }

    /** The values without copying, for the detector's own arithmetic. */
    int[] raw() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signature that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Signature[" + values.length + " values]";
    }
}
