package org.dyad.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dyad.contracts.TopicScore;
import org.junit.jupiter.api.Test;

/** Lexicon topics on hand-built parses. */
class TopicScorerTest {

    private static final TopicScorer SCORER = TopicScorer.standard();

    private static List<TopicScore> topics(String text) {
        return SCORER.score(Handmade.of(text, null).parse());
    }

    @Test
    void aTextGetsEveryTopicItSpeaksOfHighestFirst() {
        List<TopicScore> topics = topics("The army and the navy held a joint exercise with drones and missiles. "
                + "Oil and natural gas exploration will follow. Trade was mentioned once.");
        assertThat(topics).extracting(TopicScore::topic).containsExactly("defence", "energy", "trade-economy");
        assertThat(topics).isSortedAccordingTo((x, y) -> Double.compare(y.score(), x.score()))
                .allSatisfy(t -> assertThat(t.score()).isBetween(0.0, 1.0));
    }

    @Test
    void aLongerTermCountsOnceNotAsItsWords() {
        // "defence industry" is one defence term (1.5), not "defence" (1) plus "industry"
        assertThat(SCORER.weights(Handmade.of("defence industry", null).parse().tokens()))
                .containsEntry("defence", 1.5);
    }

    @Test
    void aTextOfNoTopicHasNone() {
        assertThat(topics("The weather was pleasant and the food was good.")).isEmpty();
    }

    @Test
    void oneStrayWordInALongTextIsNoTopic() {
        String filler = "The delegation arrived and the weather was pleasant. ".repeat(30);
        assertThat(topics(filler + "Oil was served.")).extracting(TopicScore::topic).doesNotContain("energy");
    }
}
