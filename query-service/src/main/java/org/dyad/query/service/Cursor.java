package org.dyad.query.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An opaque page cursor: the sort key of the last row shown, bound to the query it came from by a digest.
 * A cursor that was edited, truncated or used with other filters fails the digest and is refused; it is
 * not a secret, since a forged one could only start a page somewhere a caller could already reach.
 */
public final class Cursor {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final char SEPARATOR = '\u001f';

    private Cursor() {
    }

    /** The cursor after a row whose sort key is {@code values}, for the query described by {@code fingerprint}. */
    public static String encode(String fingerprint, List<String> values) {
        String payload = String.join(String.valueOf(SEPARATOR), values);
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + digest(fingerprint, payload);
    }

    /**
     * The sort key held by {@code cursor}, checked against {@code fingerprint}.
     *
     * @throws InvalidRequest {@code invalid-cursor} when it is malformed, altered or from another query
     */
    public static List<String> decode(String cursor, String fingerprint, int size) {
        int dot = cursor.indexOf('.');
        if (cursor.length() > 2_000 || dot < 1) {
            throw tampered();
        }
        String payload;
        try {
            payload = new String(DECODER.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw tampered();
        }
        byte[] expected = digest(fingerprint, payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, cursor.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw tampered();
        }
        List<String> values = Arrays.asList(payload.split(String.valueOf(SEPARATOR), -1));
        if (values.size() != size) {
            throw tampered();
        }
        return values;
    }

    private static String digest(String fingerprint, String payload) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("dyad-cursor-v1".getBytes(StandardCharsets.UTF_8));
            sha.update(fingerprint.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(payload.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(sha.digest(), 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidRequest tampered() {
        return new InvalidRequest("invalid-cursor", "cursor",
                "The cursor is not one this search returned; start again without a cursor.");
    }
}
