package org.dyad.ingest.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a text into the set of hashed word k-shingles that MinHash signs: lower-cased, letters and
 * digits only, whitespace collapsed, every run of k consecutive words hashed to a stable 31-bit value.
 */
public final class Shingles {

    /**
     * Five words: one changed word then breaks at most five shingles, so a few local edits leave most of
     * the set intact, while two different articles on the same story share few five-word runs (shorter
     * shingles such as "the prime minister said" recur across unrelated articles; see
     * bench/near-duplicates for the measurement behind the choice).
     */
    public static final int DEFAULT_WORDS = 5;

    private Shingles() {
    }

    /**
     * The words of the text, normalised: lower case, letters and digits only. The same split as
     * {@code [^\p{L}\p{N}]+} over the lower-cased text (a test holds the two equal), written as a loop over
     * code points because the regular expression cost more than the hashing.
     */
    public static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int[] bounds = wordBounds(lower);
        List<String> words = new ArrayList<>(bounds.length / 2);
        for (int w = 0; w + 1 < bounds.length; w += 2) {
            words.add(lower.substring(bounds[w], bounds[w + 1]));
        }
        return words;
    }

    /** The words of a lower-cased text as [start, end) pairs: start of word 0, end of word 0, start of word 1, … */
    private static int[] wordBounds(String lower) {
        int[] bounds = new int[16];
        int n = 0;
        int start = -1;
        for (int i = 0; i <= lower.length(); ) {
            int cp = i < lower.length() ? lower.codePointAt(i) : -1;
            if (cp >= 0 && isWordChar(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                if (n + 2 > bounds.length) {
                    bounds = Arrays.copyOf(bounds, bounds.length * 2);
                }
                bounds[n++] = start;
                bounds[n++] = i;
                start = -1;
            }
            i += cp >= 0 ? Character.charCount(cp) : 1;
        }
        return Arrays.copyOf(bounds, n);
    }

    /** {@code \p{L}} or {@code \p{N}}: a letter, or a number of any kind (digits, letter numbers, others). */
    private static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /**
     * {@link #of} as a sorted array of distinct values, without boxing or a string per word (what signatures are
     * made from): the words are kept as boundaries into the lower-cased text and hashed in place.
     */
    public static int[] hashes(String text, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("shingle size must be positive: " + k);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int[] bounds = wordBounds(lower);
        int count = bounds.length / 2;
        if (count == 0) {
            return new int[0];
        }
        if (count < k) {
            return new int[] {hash(lower, bounds, 0, count)};
        }
        int[] all = new int[count - k + 1];
        for (int i = 0; i < all.length; i++) {
            all[i] = hash(lower, bounds, i, k);
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    /** {@link #hash(List, int, int)} over words given as [start, end) boundaries into {@code text}. */
    private static int hash(String text, int[] bounds, int from, int count) {
        long h = 0xcbf29ce484222325L;
        for (int w = from; w < from + count; w++) {
            for (int c = bounds[2 * w]; c < bounds[2 * w + 1]; c++) {
                h ^= text.charAt(c);
                h *= 0x100000001b3L;
            }
            h ^= ' ';
            h *= 0x100000001b3L;
        }
        return (int) (mix64(h) & 0x7fffffffL);
    }

    /**
     * The hashed k-word shingles of the text. A text of fewer than k words (but at least one) gives one
     * shingle of all its words, so a short text still has a signature; a text without words gives an
     * empty set.
     */
    public static Set<Integer> of(String text, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("shingle size must be positive: " + k);
        }
        List<String> words = words(text);
        Set<Integer> shingles = new HashSet<>();
        if (words.isEmpty()) {
            return Set.of();
        }
        if (words.size() < k) {
            shingles.add(hash(words, 0, words.size()));
            return Set.copyOf(shingles);
        }
        for (int i = 0; i + k <= words.size(); i++) {
            shingles.add(hash(words, i, k));
        }
        return Set.copyOf(shingles);
    }

    /**
     * FNV-1a over the words' characters (a separator between words) finished by the MurmurHash3 mixer;
     * written out rather than String.hashCode so the value is defined here, and cut to 31 non-negative
     * bits because the MinHash family hashes modulo the prime 2^31-1.
     */
    static int hash(List<String> words, int from, int count) {
        long h = 0xcbf29ce484222325L;
        for (int w = from; w < from + count; w++) {
            String word = words.get(w);
            for (int c = 0; c < word.length(); c++) {
                h ^= word.charAt(c);
                h *= 0x100000001b3L;
            }
            h ^= ' ';
            h *= 0x100000001b3L;
        }
        return (int) (mix64(h) & 0x7fffffffL);
    }

    /** MurmurHash3's 64-bit finaliser: spreads every input bit over the whole value. */
    static long mix64(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93fe53ec4d3L;
        return z ^ (z >>> 33);
    }
}
