package org.dyad.ingest.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignatureTest {

    private final NearDuplicateDetector detector = NearDuplicateDetector.standard();

    @Test
    void bytesRoundTripToAnEqualSignature() {
        Signature signature = detector.signature("The defence ministers of Pakistan and Russia met in Islamabad on Thursday.");
        byte[] bytes = signature.toBytes();

        assertThat(bytes).hasSize(1 + 4 * NearDuplicateDetector.SIGNATURE_LENGTH);
        assertThat(bytes[0]).isEqualTo(Signature.FORMAT_VERSION);
        assertThat(Signature.fromBytes(bytes)).isEqualTo(signature);
        assertThat(detector.similarity(Signature.fromBytes(bytes), signature)).isEqualTo(1.0);
    }

    @Test
    void intArrayRoundTripsAndIsCopiedBothWays() {
        Signature signature = detector.signature("Special forces of three countries will hold exercises in September.");
        int[] values = signature.values();
        Signature back = Signature.of(values);
        values[0] = 7;

        assertThat(back).isEqualTo(signature);
        assertThat(signature.values()[0]).isNotEqualTo(7);
    }

    @Test
    void bytesOfAnotherFormatVersionOrLengthAreRefused() {
        byte[] bytes = detector.signature("some words of an article text").toBytes();
        byte[] otherVersion = bytes.clone();
        otherVersion[0] = (byte) (Signature.FORMAT_VERSION + 1);

        assertThatThrownBy(() -> Signature.fromBytes(otherVersion)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format");
        assertThatThrownBy(() -> Signature.fromBytes(java.util.Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Signature.fromBytes(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
