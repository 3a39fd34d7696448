package org.dyad.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import info.debatty.java.lsh.MinHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.assertj.core.data.Offset;
import org.dyad.ingest.cleaning.ArticleCleaner;
import org.dyad.ingest.cleaning.BoilerplateRules;
import org.dyad.ingest.dedup.NearDuplicateDetector.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NearDuplicateDetectorTest {

    static final List<String> SEEDS = List.of("000_0de1ffbfcb81e0bd.txt", "001_37f67198f4bc57ab.txt",
            "002_9eeae5c25ec30b8d.txt", "003_3ff7820031d02dd9.txt");

    private final NearDuplicateDetector detector = NearDuplicateDetector.standard();

    static String seed(String name) throws IOException {
        try (InputStream in = NearDuplicateDetectorTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("^\\s*date \\d{4}-\\d{2}-\\d{2}\\s*", "");
        }
    }

    /** A syndicated copy: a few words changed, a by-line and a boilerplate line added, paragraphs in another order. */
    static String lightlyEdited(String text) {
        List<String> paragraphs = new ArrayList<>(Arrays.stream(text.split("\\n+")).filter(p -> !p.isBlank()).toList());
        Collections.reverse(paragraphs);
        String joined = "By Staff Reporter | Agency\n\n" + String.join("\n\n", paragraphs)
                + "\n\nFollow us on Twitter and Facebook for the latest news.";
        String[] words = joined.split(" ");
        for (int i = 40; i < words.length; i += 80) {
            words[i] = "edited";
        }
        return String.join(" ", words);
    }

    static boolean shareABand(long[] a, long[] b) {
        Set<Long> keys = new HashSet<>();
        LongStream.of(a).forEach(keys::add);
        return LongStream.of(b).anyMatch(keys::contains);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000_0de1ffbfcb81e0bd.txt", "001_37f67198f4bc57ab.txt", "002_9eeae5c25ec30b8d.txt",
            "003_3ff7820031d02dd9.txt"})
    void aLightlyEditedCopyOfASeedIsANearDuplicateAndAnLshCandidate(String name) throws IOException {
        String original = seed(name);
        String copy = lightlyEdited(original);
        assertThat(copy).isNotEqualTo(original);

        Signature a = detector.signature(original);
        Signature b = detector.signature(copy);

        assertThat(detector.similarity(a, b)).isGreaterThanOrEqualTo(detector.threshold());
        assertThat(detector.isNearDuplicate(a, b)).isTrue();
        assertThat(shareABand(detector.bandKeys(a), detector.bandKeys(b))).isTrue();
    }

    @Test
    void twoDifferentSeedsAreNotNearDuplicates() throws IOException {
        for (int i = 0; i < SEEDS.size(); i++) {
            for (int j = i + 1; j < SEEDS.size(); j++) {
                Signature a = detector.signature(seed(SEEDS.get(i)));
                Signature b = detector.signature(seed(SEEDS.get(j)));
                assertThat(detector.similarity(a, b)).as(SEEDS.get(i) + " vs " + SEEDS.get(j)).isLessThan(0.1);
                assertThat(detector.isNearDuplicate(a, b)).isFalse();
            }
        }
    }

    @Test
    void seed002WithItsBodyRepeatedIsANearDuplicateOfItsCleanedSingleCopy() throws IOException {
        String raw = seed("002_9eeae5c25ec30b8d.txt");
        ArticleCleaner.Cleaned cleaned = new ArticleCleaner(BoilerplateRules.standard()).clean(raw);
        assertThat(cleaned.record().bodyRepeated()).isTrue();
        assertThat(cleaned.text().length()).isLessThan(raw.length() * 2 / 3);

        Signature repeated = detector.signature(raw);
        Signature single = detector.signature(cleaned.text());

        assertThat(detector.similarity(repeated, single)).isGreaterThan(0.9);
        assertThat(shareABand(detector.bandKeys(repeated), detector.bandKeys(single))).isTrue();
    }

    @Test
    void estimateIsCloseToTheExactJaccardOfTheShingleSets() throws IOException {
        String original = seed("003_3ff7820031d02dd9.txt");
        String copy = lightlyEdited(original);
        Set<Integer> a = Shingles.of(original, Shingles.DEFAULT_WORDS);
        Set<Integer> b = Shingles.of(copy, Shingles.DEFAULT_WORDS);
        double exact = MinHash.jaccardIndex(a, b);

        // Four standard errors of a 128-value estimate (at most 0.044): fails on a broken estimator, not on chance.
        assertThat(detector.similarity(detector.signature(a), detector.signature(b))).isCloseTo(exact,
                Offset.offset(0.18));
        assertThat(exact).isBetween(0.3, 0.95);
    }

    @Test
    void signaturesAndBandKeysAreTheSameFromSeparateInstancesAsReplicasWouldMakeThem() throws IOException {
        String text = seed("001_37f67198f4bc57ab.txt");
        NearDuplicateDetector other = new NearDuplicateDetector(Shingles.DEFAULT_WORDS,
                NearDuplicateDetector.SIGNATURE_LENGTH, NearDuplicateDetector.BANDS, NearDuplicateDetector.ROWS,
                NearDuplicateDetector.DEFAULT_THRESHOLD, NearDuplicateDetector.SEED);

        assertThat(other.signature(text)).isEqualTo(detector.signature(text));
        assertThat(other.bandKeys(other.signature(text))).containsExactly(detector.bandKeys(detector.signature(text)));
    }

    @Test
    void signaturesDoNotChangeBetweenReleasesUnlessTheFormatVersionIsBumped() {
        // Stored signatures and band keys must keep matching new ones after a restart or an upgrade: these
        // values pin the shingle hash, the MinHash functions (seed) and the band keys. If this fails on
        // purpose, bump Signature.FORMAT_VERSION and recompute stored signatures; a change of the bands alone keeps
        // the values and changes the key, whose stored copies a migration recomputes (V9: 32x4 -> 16x3).
        Signature signature = detector.signature("Pakistan and Turkey deepen strategic collaboration in security, energy and trade.");
        assertThat(Arrays.copyOf(signature.values(), 3)).containsExactly(GOLDEN_VALUES);
        assertThat(detector.bandKeys(signature)[0]).isEqualTo(GOLDEN_BAND_KEY);
    }

    static final int[] GOLDEN_VALUES = {556938695, 410508777, 682957898};
    static final long GOLDEN_BAND_KEY = -6438478829061721428L; // 16 bands of 3 rows

    @Test
    void bandKeysAreOnePerBandAndDifferAcrossBandsEvenForEqualRows() {
        int[] same = new int[NearDuplicateDetector.SIGNATURE_LENGTH];
        Arrays.fill(same, 12345);
        long[] keys = detector.bandKeys(Signature.of(same));

        assertThat(keys).hasSize(NearDuplicateDetector.BANDS);
        assertThat(LongStream.of(keys).distinct().count()).isEqualTo(NearDuplicateDetector.BANDS);
    }

    @Test
    void aNewArticleJoinsTheClusterOfItsMostSimilarCandidateAboveTheThreshold() throws IOException {
        String original = seed("000_0de1ffbfcb81e0bd.txt");
        String closeCopy = original.replaceFirst("Islamabad", "the capital");
        UUID clusterOfClose = UUID.randomUUID();
        UUID clusterOfEdited = UUID.randomUUID();
        UUID unrelatedId = UUID.randomUUID();
        List<Candidate> candidates = List.of(
                new Candidate(UUID.randomUUID(), clusterOfEdited, detector.signature(lightlyEdited(original))),
                new Candidate(unrelatedId, null, detector.signature(seed("003_3ff7820031d02dd9.txt"))),
                new Candidate(UUID.randomUUID(), clusterOfClose, detector.signature(closeCopy)));

        assertThat(detector.clusterFor(detector.signature(original), candidates)).contains(clusterOfClose);
        assertThat(detector.bestMatch(detector.signature(original), candidates).orElseThrow().similarity())
                .isGreaterThan(0.9);
    }

    @Test
    void aCandidateWithoutAClusterIsItsOwnClustersFirstArticle() throws IOException {
        String original = seed("001_37f67198f4bc57ab.txt");
        UUID first = UUID.randomUUID();

        assertThat(detector.clusterFor(detector.signature(lightlyEdited(original)),
                List.of(new Candidate(first, null, detector.signature(original))))).contains(first);
    }

    @Test
    void noClusterWhenNoCandidateReachesTheThreshold() throws IOException {
        Signature article = detector.signature(seed("000_0de1ffbfcb81e0bd.txt"));
        List<Candidate> others = List.of(
                new Candidate(UUID.randomUUID(), null, detector.signature(seed("001_37f67198f4bc57ab.txt"))),
                new Candidate(UUID.randomUUID(), null, detector.signature(seed("003_3ff7820031d02dd9.txt"))));

        assertThat(detector.clusterFor(article, others)).isEmpty();
        assertThat(detector.clusterFor(article, List.of())).isEmpty();
    }

    @Test
    void equallySimilarCandidatesResolveToTheSameClusterWhateverTheirOrder() throws IOException {
        Signature article = detector.signature(seed("001_37f67198f4bc57ab.txt"));
        UUID low = new UUID(1, 1);
        UUID high = new UUID(2, 2);
        Candidate a = new Candidate(UUID.randomUUID(), high, article);
        Candidate b = new Candidate(UUID.randomUUID(), low, article);

        assertThat(detector.clusterFor(article, List.of(a, b))).contains(low);
        assertThat(detector.clusterFor(article, List.of(b, a))).contains(low);
    }

    @Test
    void aTextWithoutWordsHasNoBandKeysAndMatchesNothing() {
        Signature empty = detector.signature("  — !!! …  ");

        assertThat(empty.isEmpty()).isTrue();
        assertThat(detector.bandKeys(empty)).isEmpty();
        assertThat(detector.similarity(empty, detector.signature("-- ?"))).isZero();
        assertThat(detector.clusterFor(empty, List.of(new Candidate(UUID.randomUUID(), null, empty)))).isEmpty();
    }

    @Test
    void aSignatureOfAnotherLengthIsRefused() {
        Signature short16 = new NearDuplicateDetector(5, 4, 4, 0.5, 1L).signature("one two three four five six");

        assertThatThrownBy(() -> detector.similarity(short16, short16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> detector.bandKeys(short16)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFastSignatureIsTheLibrarysSignature() {
        // stored signatures must stay comparable: the hand-written loop must give the library's values exactly
        NearDuplicateDetector detector = NearDuplicateDetector.standard();
        MinHash library = new MinHash(NearDuplicateDetector.SIGNATURE_LENGTH, Integer.MAX_VALUE, NearDuplicateDetector.SEED);
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 200; round++) {
            Set<Integer> set = new HashSet<>();
            int size = 1 + random.nextInt(600);
            while (set.size() < size) {
                // the extremes of the 31-bit range too: 0 and 2^31-2, 2^31-1
                int pick = random.nextInt(10);
                set.add(pick == 0 ? 0 : pick == 1 ? Integer.MAX_VALUE - random.nextInt(2) : random.nextInt(Integer.MAX_VALUE));
            }
            int[] sorted = set.stream().mapToInt(Integer::intValue).sorted().toArray();
            assertThat(detector.signature(sorted).raw()).as("set of %d", size).containsExactly(library.signature(set));
        }
        String text = "Pakistan and Russia signed a military cooperation agreement in Rawalpindi on Tuesday.";
        assertThat(detector.signature(text).raw())
                .containsExactly(library.signature(Shingles.of(text, Shingles.DEFAULT_WORDS)));
    }
}
