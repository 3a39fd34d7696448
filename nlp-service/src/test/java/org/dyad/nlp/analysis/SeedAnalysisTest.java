package org.dyad.nlp.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.dyad.contracts.Amount;
import org.dyad.contracts.Annotations;
import org.dyad.contracts.DateMention;
import org.dyad.contracts.DocumentDate;
import org.dyad.contracts.TopicScore;
import org.junit.jupiter.api.Test;

/** The analysers on the four seed articles, parsed by the real engine; "today" is fixed for undated articles. */
class SeedAnalysisTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1); // a Tuesday
    private static final ArticleAnalyser ANALYSER = new ArticleAnalyser(
            Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC));

    private static Annotations seed(String name) {
        return ANALYSER.analyse(EngineParses.seed(name));
    }

    @Test
    void seed000TurkeyPakistan() {
        Annotations a = seed("000_0de1ffbfcb81e0bd.txt");
        assertThat(a.documentDate()).isEqualTo(new DocumentDate(LocalDate.of(2025, 7, 9), false, "article"));
        // "in the coming days" is no date: SUTime's 2025-07-10 for it is dropped
        assertThat(a.dates()).extracting(DateMention::text, DateMention::value, DateMention::relative)
                .containsExactly(tuple("May", "2025-05", true));
        assertThat(a.amounts()).extracting(Amount::kind, Amount::text, Amount::value, Amount::currency, Amount::about)
                .containsExactly(tuple("MONEY", "$5 billion", 5e9, "USD", "trade"));
        assertThat(a.quotes()).isEmpty();
        assertThat(a.topics()).extracting(TopicScore::topic).startsWith("defence", "diplomacy", "energy")
                .contains("security-terrorism", "trade-economy");
        assertThat(a.tone()).isGreaterThan(0.5);
    }

    @Test
    void seed001TrilateralExercises() {
        Annotations a = seed("001_37f67198f4bc57ab.txt");
        assertThat(a.documentDate()).isEqualTo(new DocumentDate(LocalDate.of(2021, 6, 26), false, "article"));
        // "will carry out exercises ..., the minister said Saturday": the exercise is future, the Saturday is the
        // day of the article, not the next one
        assertThat(a.dates()).extracting(DateMention::text, DateMention::value, DateMention::relative)
                .containsExactly(
                        tuple("September this year", "2021-09", true),
                        tuple("Saturday", "2021-06-26", true),
                        tuple("September", "2021-09", true),
                        tuple("November 2017", "2017-11", false));
        assertThat(a.amounts()).isEmpty();
        assertThat(a.quotes()).extracting(q -> q.speakerName()).containsExactly("Zakir Hasanov", "Zakir Hasanov");
        assertThat(a.topics()).extracting(TopicScore::topic).startsWith("defence", "diplomacy");
        assertThat(a.tone()).isGreaterThan(0.5);
    }

    @Test
    void seed002PakistanRussiaHasNoDateAndResolvesAgainstTheIngestDay() {
        Annotations a = seed("002_9eeae5c25ec30b8d.txt");
        // no publication date and no full date in the text: today, marked inferred
        assertThat(a.documentDate()).isEqualTo(new DocumentDate(TODAY, true, "ingest-time"));
        // the body is printed twice, so each date comes twice
        assertThat(a.dates()).extracting(DateMention::text, DateMention::value, DateMention::relative)
                .containsExactly(
                        tuple("Thursday", "2026-11-26", true),
                        tuple("the day", "2026-12-01", true),
                        tuple("the end of 2014", "2014", false),
                        tuple("Earlier today", "2026-12-01", true),
                        tuple("Thursday", "2026-11-26", true),
                        tuple("the day", "2026-12-01", true),
                        tuple("the end of 2014", "2014", false),
                        tuple("Earlier today", "2026-12-01", true));
        assertThat(a.amounts()).isEmpty();
        assertThat(a.topics()).extracting(TopicScore::topic).startsWith("diplomacy", "defence", "trade-economy");
        assertThat(a.tone()).isGreaterThan(0.5);
    }

    @Test
    void seed003PakistanUsTariffs() {
        Annotations a = seed("003_3ff7820031d02dd9.txt");
        assertThat(a.documentDate()).isEqualTo(new DocumentDate(TODAY, true, "ingest-time"));
        // "between 2013 and 2018" is two dates
        assertThat(a.dates()).extracting(DateMention::text, DateMention::value, DateMention::relative)
                .containsExactly(tuple("2013", "2013", false), tuple("2018", "2018", false),
                        tuple("2021", "2021", false));
        assertThat(a.amounts()).extracting(Amount::kind, Amount::text, Amount::value, Amount::currency, Amount::about)
                .containsExactly(
                        tuple("PERCENT", "10 percent", 10.0, null, "tariff"),
                        tuple("PERCENT", "29 percent", 29.0, null, "tariff"),
                        tuple("PERCENT", "58 percent", 58.0, null, "tariff"),
                        tuple("PERCENT", "20 percent", 20.0, null, "trade"));
        assertThat(a.quotes()).extracting(q -> q.speakerName()).containsExactly("Muhammad Aurangzeb");
        assertThat(a.topics()).extracting(TopicScore::topic)
                .startsWith("trade-economy", "diplomacy", "security-terrorism");
        // cordial words outweigh "tensions", "strain" and "crisis", less clearly than in the other seeds
        assertThat(a.tone()).isBetween(0.0, 0.6);
    }

    @Test
    void everySeedKeepsTheEngineOutputAndScoresTopicsHighestFirst() {
        for (String name : org.dyad.nlp.pipeline.Seed.ALL) {
            Annotations a = seed(name);
            assertThat(a.sentences()).isNotEmpty();
            assertThat(a.mentions()).isNotEmpty();
            assertThat(a.topics()).isSortedAccordingTo((x, y) -> Double.compare(y.score(), x.score()))
                    .allSatisfy(t -> assertThat(t.score()).isBetween(0.0, 1.0));
            assertThat(a.tone()).isBetween(-1.0, 1.0);
        }
    }
}
