package org.dyad.ingest.dedup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Shingles() {
    }

    /** The words of the text, normalised: lower case, letters and digits only. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
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
