package org.dyad.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Document tone from the cordial/hostile lexicon on hand-built parses. */
class ToneScorerTest {

    private static final ToneScorer SCORER = ToneScorer.standard();

    private static double tone(String text) {
        return SCORER.tone(Handmade.of(text, null).parse());
    }

    @Test
    void cordialTextIsPositiveAndHostileTextNegative() {
        assertThat(tone("Both sides praised their friendship and pledged support and cooperation.")).isGreaterThan(0.6);
        assertThat(tone("Islamabad condemned the attack and warned of retaliation amid rising tension."))
                .isLessThan(-0.6);
    }

    @Test
    void oneWordIsNeverAFullVerdictAndNoWordIsNeutral() {
        assertThat(tone("They welcome it.")).isEqualTo(0.5);
        assertThat(tone("The delegation arrived at noon.")).isZero();
    }

    @Test
    void aNegationTurnsTheWordRound() {
        assertThat(tone("Moscow did not support the plan.")).isEqualTo(-0.5);
    }

    @Test
    void toneStaysWithinMinusOneAndOne() {
        assertThat(tone("cooperation ".repeat(200))).isBetween(-1.0, 1.0).isGreaterThan(0.99);
    }
}
