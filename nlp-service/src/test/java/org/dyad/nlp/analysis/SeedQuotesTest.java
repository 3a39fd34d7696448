package org.dyad.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dyad.contracts.Quote;
import org.dyad.nlp.pipeline.ParsedText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seven distinct quotations of the seed articles, with the speaker and span a reader would give them (seed
 * 002 prints its body twice; both copies are checked). CoreNLP's coreference-based attribution got 3 of these 7.
 */
class SeedQuotesTest {

    private record Expected(String seed, String span, String speaker) {
    }

    private static final List<Expected> SEVEN = List.of(
            new Expected("001_37f67198f4bc57ab.txt", "The corresponding decision has already been made. Special Forces"
                    + " of three countries are expected to hold exercises in Azerbaijan in September.", "Zakir Hasanov"),
            new Expected("001_37f67198f4bc57ab.txt", "Preparations are underway. Some groups of experts are already in"
                    + " Azerbaijan, inspecting the landfills. They highly appreciate our preparation.", "Zakir Hasanov"),
            new Expected("002_9eeae5c25ec30b8d.txt", "milestone", "Khawaja Asif"),
            new Expected("002_9eeae5c25ec30b8d.txt", "Both sides will translate this relationship in tangible terms and"
                    + " further strengthen military to military relations", "Khawaja Asif"),
            new Expected("002_9eeae5c25ec30b8d.txt", "The world community not only praises but wants to do business"
                    + " with Pakistan now", "Sergei Shoigu"),
            new Expected("002_9eeae5c25ec30b8d.txt", "Our ties with Moscow are moving in an upward trajectory. Islamabad"
                    + " seeks Moscow’s cooperation for social and economic development.", "Tasneem Aslam"),
            new Expected("003_3ff7820031d02dd9.txt", "You should never let a good crisis go to waste",
                    "Muhammad Aurangzeb"));

    private static final QuoteFinder FINDER = QuoteFinder.standard();
    private static final List<String> SEEDS = List.of("000_0de1ffbfcb81e0bd.txt", "001_37f67198f4bc57ab.txt",
            "002_9eeae5c25ec30b8d.txt", "003_3ff7820031d02dd9.txt");
    private static final List<List<Quote>> FOUND = new ArrayList<>();
    private static final List<ParsedText> PARSED = new ArrayList<>();

    @BeforeAll
    static void parseSeeds() {
        for (String seed : SEEDS) {
            ParsedText parsed = EngineParses.seed(seed);
            PARSED.add(parsed);
            FOUND.add(FINDER.find(parsed));
        }
    }

    private static List<Quote> quotesOf(String seed) {
        return FOUND.get(SEEDS.indexOf(seed));
    }

    @Test
    void allSevenSeedQuotesGetTheirSpeakerAndSpan() {
        List<String> wrong = new ArrayList<>();
        int right = 0;
        for (Expected e : SEVEN) {
            List<Quote> same = quotesOf(e.seed()).stream().filter(q -> q.text().equals(e.span())).toList();
            boolean ok = !same.isEmpty() && same.stream().allMatch(q -> e.speaker().equals(q.speakerName()));
            if (ok) {
                right++;
            } else {
                wrong.add(e + " got " + quotesOf(e.seed()));
            }
        }
        System.out.printf("seed quotes with the right speaker and span: %d of %d%n", right, SEVEN.size());
        assertThat(wrong).as("quotes with a wrong span or speaker").isEmpty();
        assertThat(right).isEqualTo(7);
    }

    @Test
    void theSeedsHoldNoOtherQuotations() {
        // 000 has none; 002's body is printed twice, so its four quotations come twice
        assertThat(quotesOf("000_0de1ffbfcb81e0bd.txt")).isEmpty();
        assertThat(quotesOf("001_37f67198f4bc57ab.txt")).hasSize(2);
        assertThat(quotesOf("002_9eeae5c25ec30b8d.txt")).extracting(Quote::text).hasSize(7)
                .containsOnly(SEVEN.stream().filter(e -> e.seed().startsWith("002")).map(Expected::span)
                        .toArray(String[]::new));
        assertThat(quotesOf("003_3ff7820031d02dd9.txt")).hasSize(1);
    }

    @Test
    void theSpeakerIsAPersonMentionOfTheArticle() {
        for (int i = 0; i < SEEDS.size(); i++) {
            ParsedText parsed = PARSED.get(i);
            for (Quote q : FOUND.get(i)) {
                String mentioned = parsed.text().substring(q.speakerStart(), q.speakerEnd());
                assertThat(parsed.mentions()).anySatisfy(m -> {
                    assertThat(m.type()).isEqualTo("PERSON");
                    assertThat(m.start()).isEqualTo(q.speakerStart());
                    assertThat(m.text()).isEqualTo(mentioned);
                    assertThat(m.entityId()).isEqualTo(q.speakerId());
                });
                assertThat(parsed.text().substring(q.start(), q.end())).isEqualTo(q.text());
            }
        }
    }
}
