package org.dyad.ingest.dedup;

import info.debatty.java.lsh.MinHash;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Finds near duplicates (syndicated or lightly edited copies): MinHash signatures of word shingles,
 * LSH band keys to find candidates by index look-up, and the decision which candidate's cluster a new
 * article joins. Immutable and thread-safe; no framework.
 *
 * <p>Storage this is designed for: {@code article_band(band_key bigint, article_id uuid)} indexed on
 * {@code band_key}, the signature on the article. A new article's candidates are the articles sharing
 * any of its {@link #bandKeys band keys}; {@link #clusterFor} picks the most similar one at or above the
 * threshold, and the article joins that candidate's cluster (cluster id = the first article's id).
 */
public final class NearDuplicateDetector {

    /** 128 hash functions: the similarity estimate's standard error is at most 1/(2*sqrt(128)) = 0.044. */
    public static final int SIGNATURE_LENGTH = 128;
    /**
     * 16 bands of 3 rows, read from the first 48 values of the signature (the estimate uses all 128): a pair of
     * Jaccard similarity s shares a band with probability 1-(1-s^3)^16, which is 0.88 at s=0.5, 0.97 at s=0.6 and
     * 0.05 at s=0.15 (the S-curve's midpoint is (1/16)^(1/3) = 0.40, below the threshold so that pairs just above
     * it are rarely missed). Each band is a stored row an article and an index probe a look-up, which made the
     * 32 bands of 4 rows of the first version more than half of the database's work of an ingest; 16 x 3 finds
     * as many of the pairs above the threshold (bench/near-duplicates: 0.999 vs 0.997) for half the rows.
     * Changing bands or rows changes every band key: a migration recomputes the stored ones (V9).
     */
    public static final int BANDS = 16;
    public static final int ROWS = 3;
    /** Estimated Jaccard similarity at or above which two articles are near duplicates (bench/near-duplicates). */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /**
     * Fixed seed of the hash functions: signatures and band keys must be equal across restarts and
     * replicas, or stored ones would never match new ones. Changing it means recomputing every stored
     * signature (and bumping {@link Signature#FORMAT_VERSION}).
     */
    public static final long SEED = 0x5eed_d7ad_2025_0001L;

    private final int shingleWords;
    private final int signatureLength;
    private final int bands;
    private final int rows;
    private final double threshold;
    private final long seed;
    /*
     * info.debatty java-lsh's MinHash: h_i(x) = (a_i x + b_i) mod (2^31-1) with a_i, b_i drawn from
     * java.util.Random(seed), whose sequence the JDK specifies, so the functions are the same on every
     * JVM. Its signature(Set<Integer>) only reads the coefficients, so one instance, published
     * through this final field, serves all threads.
     * Its LSH classes are not used for banding: they fold bands into a small number of int buckets
     * (meant for in-memory partitioning), where a stored index wants one 64-bit key per band that also
     * encodes the band index.
     */
    private final MinHash minHash;
    /** The library's (a_i, b_i), each in [1, 2^31-1], as two flat arrays: {@link #signature(int[])} computes with them. */
    private final long[] multipliers;
    private final long[] increments;

    /** The detector with the constants above. */
    public static NearDuplicateDetector standard() {
        return new NearDuplicateDetector(Shingles.DEFAULT_WORDS, SIGNATURE_LENGTH, BANDS, ROWS, DEFAULT_THRESHOLD, SEED);
    }

    /** A detector with other parameters (the bench compares them) whose signature is exactly its bands' rows. */
    public NearDuplicateDetector(int shingleWords, int bands, int rows, double threshold, long seed) {
        this(shingleWords, bands * rows, bands, rows, threshold, seed);
    }

    /**
     * A detector whose signature is longer than its bands need: the bands read the first bands × rows values,
     * the similarity estimate all of them.
     */
    public NearDuplicateDetector(int shingleWords, int signatureLength, int bands, int rows, double threshold,
            long seed) {
        if (shingleWords < 1 || bands < 1 || rows < 1) {
            throw new IllegalArgumentException("shingle words, bands and rows must be positive");
        }
        if (bands * rows > signatureLength) {
            throw new IllegalArgumentException("bands x rows exceed the signature length " + signatureLength);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        }
        this.shingleWords = shingleWords;
        this.signatureLength = signatureLength;
        this.bands = bands;
        this.rows = rows;
        this.threshold = threshold;
        this.seed = seed;
        // The dictionary size only bounds the library's own overflow check; shingles are 31-bit hashes.
        this.minHash = new MinHash(signatureLength, Integer.MAX_VALUE, seed);
        long[][] coefficients = minHash.getCoefficients();
        this.multipliers = new long[signatureLength];
        this.increments = new long[signatureLength];
        for (int i = 0; i < signatureLength; i++) {
            multipliers[i] = coefficients[i][0];
            increments[i] = coefficients[i][1];
        }
    }

    /** The signature of a text (shingled with this detector's k). */
    public Signature signature(String text) {
        return signature(Shingles.hashes(text, shingleWords));
    }

    /**
     * The signature of distinct shingle hashes: the same values as the library's {@code MinHash.signature}
     * (h_i(x) = (a_i x + b_i) mod (2^31-1) with its coefficients; a test holds them equal), computed with the
     * Mersenne-prime reduction instead of a 64-bit division, the hash functions in the outer loop, no boxing, and
     * no branch in the inner loop, which the JIT then runs on vector registers: shingles, signature and band keys of
     * an article take 90 µs instead of 167-200 µs with a conditional subtraction (bench/near-duplicates, AVX-512).
     */
    Signature signature(int[] shingles) {
        int n = signatureLength();
        int[] values = new int[n];
        if (shingles.length == 0) {
            Arrays.fill(values, Signature.NO_SHINGLE);
            return Signature.of(values);
        }
        for (int i = 0; i < n; i++) {
            long a = multipliers[i];
            long b = increments[i];
            int min = Integer.MAX_VALUE;
            for (int j = 0; j < shingles.length; j++) {
                long v = a * shingles[j] + b; // a, b < 2^31 and 0 <= x < 2^31: no overflow
                v = (v & PRIME) + (v >>> 31); // < 2^32 + 1
                v = (v & PRIME) + (v >>> 31); // <= 2^31 + 1
                v -= PRIME & -((v + 1) >>> 31); // minus the prime once when v >= 2^31 - 1, without a branch
                min = Math.min(min, (int) v);
            }
            values[i] = min;
        }
        return Signature.of(values);
    }

    /** The modulus of the library's hash family: the Mersenne prime 2^31-1. */
    private static final long PRIME = 0x7fffffffL;

    /** The signature of a set of shingle hashes (non-negative values, as {@link Shingles} makes them). */
    public Signature signature(Set<Integer> shingles) {
        if (shingles.isEmpty()) {
            int[] none = new int[signatureLength()];
            Arrays.fill(none, Signature.NO_SHINGLE);
            return Signature.of(none);
        }
        return Signature.of(minHash.signature(shingles));
    }

    /**
     * One key per band: the band's rows and the band index hashed to 64 bits, so equal rows in different
     * bands give different keys and one {@code band_key} column serves all bands. Empty for the signature
     * of a text without words (it must match nothing).
     */
    public long[] bandKeys(Signature signature) {
        requireLength(signature);
        if (signature.isEmpty()) {
            return new long[0];
        }
        int[] values = signature.raw();
        long[] keys = new long[bands];
        for (int band = 0; band < bands; band++) {
            long h = Shingles.mix64(seed ^ (0x9e3779b97f4a7c15L * (band + 1)));
            for (int row = 0; row < rows; row++) {
                h = Shingles.mix64(h ^ (values[band * rows + row] & 0xffffffffL)) + 0x9e3779b97f4a7c15L;
            }
            keys[band] = h;
        }
        return keys;
    }

    /** Estimated Jaccard similarity of the two texts' shingle sets: the share of equal minima. */
    public double similarity(Signature a, Signature b) {
        requireLength(a);
        requireLength(b);
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        return minHash.similarity(a.raw(), b.raw());
    }

    public boolean isNearDuplicate(Signature a, Signature b) {
        return similarity(a, b) >= threshold;
    }

    /**
     * The most similar candidate at or above the threshold, if any. Ties go to the smaller cluster id,
     * so the answer does not depend on the order the database returned the candidates in.
     */
    public Optional<Match> bestMatch(Signature signature, Collection<Candidate> candidates) {
        return candidates.stream()
                .map(c -> new Match(c.articleId(), c.clusterId(), similarity(signature, c.signature())))
                .filter(m -> m.similarity() >= threshold)
                .max(Comparator.comparingDouble(Match::similarity)
                        .thenComparing(Match::clusterId, Comparator.reverseOrder()));
    }

    /** The cluster a new article with this signature joins: its best match's cluster, or none (a new cluster). */
    public Optional<UUID> clusterFor(Signature signature, Collection<Candidate> candidates) {
        return bestMatch(signature, candidates).map(Match::clusterId);
    }

    public double threshold() {
        return threshold;
    }

    public int shingleWords() {
        return shingleWords;
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    public int signatureLength() {
        return signatureLength;
    }

    private void requireLength(Signature signature) {
        if (signature.length() != signatureLength()) {
            throw new IllegalArgumentException(
                    "signature of " + signature.length() + " values, this detector makes " + signatureLength());
        }
    }

    /**
     * A stored article that shares a band key with the new one. {@code clusterId} is the cluster it
     * belongs to; null means it is its cluster's first article, so its own id is the cluster id.
     */
    public record Candidate(UUID articleId, UUID clusterId, Signature signature) {
        public Candidate {
            Objects.requireNonNull(articleId, "articleId");
            Objects.requireNonNull(signature, "signature");
            if (clusterId == null) {
                clusterId = articleId;
            }
        }
    }

    /** The candidate chosen, the cluster to join, and the estimated similarity. */
    public record Match(UUID articleId, UUID clusterId, double similarity) {
    }
}
